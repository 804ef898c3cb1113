// A typed client for Ordered's REST API over fetch, with no Node-only APIs. Used by the
// simulator, the benchmarks, the server tests and the e2e suite. Every typed call goes
// through the contract's route table (`route("POST /api/sessions/:id/close", {...})`, typed
// by its schemas, sent by the contract's sendRoute, as the web app's web/src/api/http.ts
// does); `request`/`call` remain for tests that send what no client would (bad JSON, odd paths).
import {
  type CloseSessionBody,
  type CreateProductBody,
  type CustomerDto,
  type ErrorBody,
  type JoinResponse,
  type LoginResponse,
  type OpenSessionResponse,
  type PaymentDto,
  type ProductDto,
  type RecordPaymentBody,
  type RouteArgs,
  type RouteKey,
  type RouteResponse,
  type SessionDetailResponse,
  type SessionDto,
  type SessionSummaryDto,
  sendRoute,
} from "@ordered/contract";

export interface RequestOptions {
  /** Sent as `Authorization: Bearer <token>` (staff JWT or customer token). */
  token?: string;
  /** Serialised as JSON (content-type application/json). */
  body?: unknown;
  /** Sent as it is, instead of `body` (e.g. malformed JSON on purpose). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  /** Parsed JSON when the response is JSON, the text otherwise, undefined when empty. */
  body: T;
  headers: Headers;
}

/** A non-2xx answer to a convenience call; carries the server's error body. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly error: ErrorBody | undefined,
  ) {
    super(`${method} ${path} → ${status}${error ? ` ${error.code}: ${error.message}` : ""}`);
  }
}

export interface ClientOptions {
  /** Abort a request that takes longer than this (ms); default: no limit. */
  timeoutMs?: number;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** A route of the contract's table, typed by it; resolves with its answer, throws ApiError otherwise. */
  route<K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<RouteResponse<K>>;
  /** Any request; never throws for an HTTP status (for tests that check errors). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read error and odd bodies without declaring their shape
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Any request; resolves with the body of a 2xx answer, throws ApiError otherwise. */
  // biome-ignore lint/suspicious/noExplicitAny: as for request()
  call<T = any>(method: string, path: string, options?: RequestOptions): Promise<T>;
  login(credentials: { email: string; password: string; deviceToken?: string; locationId?: string }): Promise<LoginResponse>;
  openSession(staffToken: string, label: string): Promise<OpenSessionResponse>;
  joinSession(joinCode: string, displayName?: string): Promise<JoinResponse>;
  /** Closes a session; `options` says what to do with unfinished orders and an unpaid rest. */
  closeSession(staffToken: string, sessionId: string, options?: CloseSessionBody): Promise<SessionDto>;
  /** Seats a table: opens a session on it. */
  seatTable(staffToken: string, tableId: string): Promise<OpenSessionResponse>;
  /** Joins through a table's card. */
  joinByCard(cardCode: string, displayName?: string): Promise<JoinResponse>;
  /** A card-joined phone types its session's PIN (SessionDto.pin) to prove it is at the table. */
  verifyPin(customerToken: string, pin: string): Promise<CustomerDto>;
  /** Staff accept a phone of a session (it may order from now on). */
  acceptPhone(staffToken: string, sessionId: string, customerId: string): Promise<CustomerDto>;
  recordPayment(staffToken: string, sessionId: string, payment: RecordPaymentBody): Promise<PaymentDto>;
  listSessions(staffToken: string, status?: "OPEN" | "CLOSED"): Promise<SessionSummaryDto[]>;
  getSession(staffToken: string, sessionId: string): Promise<SessionDetailResponse>;
  listProducts(staffToken: string): Promise<ProductDto[]>;
  createProduct(staffToken: string, product: CreateProductBody): Promise<ProductDto>;
  setAvailability(staffToken: string, productId: string, available: boolean): Promise<ProductDto>;
}

/** A client for the server at `baseUrl` (e.g. `http://127.0.0.1:3000`, no trailing slash). */
export function createApiClient(baseUrl: string, options: ClientOptions = {}): ApiClient {
  const base = baseUrl.replace(/\/+$/, "");

  async function request<T>(method: string, path: string, o: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(o.body);
    }
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body,
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
    const text = await res.text();
    const json = /\bjson\b/.test(res.headers.get("content-type") ?? "");
    return { status: res.status, body: (text ? (json ? JSON.parse(text) : text) : undefined) as T, headers: res.headers };
  }

  async function call<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const res = await request<T & { error?: ErrorBody }>(method, path, o);
    if (res.status < 200 || res.status > 299) throw new ApiError(method, path, res.status, res.body?.error);
    return res.body;
  }

  async function route<K extends RouteKey>(key: K, ...[input]: RouteArgs<K>): Promise<RouteResponse<K>> {
    const answer = await sendRoute(key, input, {
      baseUrl: base,
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
    if (!answer.ok) throw new ApiError(key.split(" ")[0]!, key.slice(key.indexOf(" ") + 1), answer.status, answer.error);
    return answer.body;
  }

  return {
    baseUrl: base,
    request,
    call,
    route,
    login: ({ email, password, deviceToken, locationId }) =>
      route("POST /api/auth/login", {
        body: { email, password, ...(deviceToken ? { deviceToken } : {}), ...(locationId ? { locationId } : {}) },
      }),
    openSession: (token, label) => route("POST /api/sessions", { token, body: { label } }),
    joinSession: (joinCode, displayName) =>
      route("POST /api/sessions/join", { body: displayName === undefined ? { joinCode } : { joinCode, displayName } }),
    closeSession: async (token, id, closeOptions = {}) =>
      (await route("POST /api/sessions/:id/close", { token, params: { id }, body: closeOptions })).session,
    seatTable: (token, tableId) => route("POST /api/sessions", { token, body: { tableId } }),
    joinByCard: (cardCode, displayName) =>
      route("POST /api/sessions/join", { body: displayName === undefined ? { cardCode } : { cardCode, displayName } }),
    verifyPin: async (token, pin) => (await route("POST /api/sessions/verify", { token, body: { pin } })).customer,
    acceptPhone: async (token, id, customerId) =>
      (await route("POST /api/sessions/:id/customers/:customerId/accept", { token, params: { id, customerId } })).customer,
    recordPayment: async (token, id, payment) =>
      (await route("POST /api/sessions/:id/payments", { token, params: { id }, body: payment })).payment,
    listSessions: async (token, status) => (await route("GET /api/sessions", { token, query: { status } })).sessions,
    getSession: (token, id) => route("GET /api/sessions/:id", { token, params: { id } }),
    listProducts: async (token) => (await route("GET /api/products", { token })).products,
    createProduct: async (token, product) => (await route("POST /api/products", { token, body: product })).product,
    setAvailability: async (token, id, available) =>
      (await route("PUT /api/products/:id/availability", { token, params: { id }, body: { available } })).product,
  };
}
