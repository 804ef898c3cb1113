/**
 * The REST API's shape as types, and the one way to call a route of it (`sendRoute`), for
 * every client: the web app, the server's test kit, the benchmarks, the simulator, e2e.
 * zod-free at run time (the table itself, routes.ts, is imported here as a type only), so
 * the web app calls typed routes without shipping a schema library to a guest's phone.
 *
 * A route is named by its method and path, as HTTP names it: `"POST /api/sessions/:id/close"`.
 * The name is all a client needs at run time; params, query, body and answer are typed
 * from the route's schemas in the table.
 */
import type { z } from "zod";
import type { ErrorBody } from "./errors.js";
import type { FileContent, HttpMethod } from "./route-def.js";
import type { ROUTES } from "./routes.js";

export type Routes = typeof ROUTES;
/** `"GET /api/menu"`, `"POST /api/sessions/:id/close"`, … */
export type RouteKey = keyof Routes;

type Def<K extends RouteKey> = Routes[K];

/** What a client sends as `:params` (before parsing). */
export type RouteParams<K extends RouteKey> = Def<K> extends { params: infer P extends z.ZodType } ? z.input<P> : undefined;
export type RouteQuery<K extends RouteKey> = Def<K> extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
export type RouteBody<K extends RouteKey> =
  Def<K> extends { body: infer B } ? (B extends z.ZodType ? z.input<B> : Blob | Uint8Array) : undefined;
/** What the route answers on success: the JSON its schema describes, a Blob for a file, undefined for 204. */
export type RouteResponse<K extends RouteKey> =
  Def<K> extends { response: infer R } ? (R extends z.ZodType ? z.output<R> : R extends FileContent ? Blob : undefined) : never;

type Part<Name extends string, T> = [T] extends [undefined]
  ? { [P in Name]?: undefined }
  : object extends T
    ? { [P in Name]?: T }
    : { [P in Name]: T };

/** What a call of route K takes: its params, query and body as the table types them, and the token. */
export type RouteRequest<K extends RouteKey> = Part<"params", RouteParams<K>> &
  Part<"query", RouteQuery<K>> &
  Part<"body", RouteBody<K>> & {
    /** Sent as `Authorization: Bearer <token>` (a staff or a customer token). */
    token?: string | null | undefined;
    /** The body's media type, for a file body (Blob's own type otherwise). */
    contentType?: string;
  };

/** The request argument, optional when the route needs nothing. */
export type RouteArgs<K extends RouteKey> = object extends RouteRequest<K> ? [request?: RouteRequest<K>] : [request: RouteRequest<K>];

/** A route's answer: its typed body on success, the server's error otherwise (undefined when it sent none). */
export type RouteAnswer<K extends RouteKey> =
  | { ok: true; status: number; body: RouteResponse<K>; headers: Headers }
  | { ok: false; status: number; error: ErrorBody | undefined; headers: Headers };

/** The method and the path (params filled in, query appended) of a call of `key`. */
export function routeUrl(
  key: string,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): { method: HttpMethod; path: string } {
  const space = key.indexOf(" ");
  const method = key.slice(0, space) as HttpMethod;
  const path = key.slice(space + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${key}: params.${name} is missing`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(name, String(value));
  const qs = search.toString();
  return { method, path: qs ? `${path}?${qs}` : path };
}

export interface SendOptions {
  /** Prepended to the path ("" in a browser on the API's origin, `http://127.0.0.1:3000` elsewhere). */
  baseUrl?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * Calls route `key`: the one request builder of every client. Never throws for an HTTP
 * status (the answer says `ok`); a network failure rejects as fetch does.
 */
export async function sendRoute<K extends RouteKey>(
  key: K,
  request: RouteRequest<K> | undefined,
  options: SendOptions = {},
): Promise<RouteAnswer<K>> {
  const r = (request ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    token?: string | null;
    contentType?: string;
  };
  const { method, path } = routeUrl(key, r.params, r.query);
  const headers: Record<string, string> = { ...options.headers };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  let body: BodyInit | undefined;
  if (r.body instanceof Uint8Array || (typeof Blob !== "undefined" && r.body instanceof Blob)) {
    const type = r.contentType ?? (r.body instanceof Blob ? r.body.type : "");
    if (type) headers["content-type"] = type;
    body = r.body as BodyInit;
  } else if (r.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(r.body);
  }
  const res = await (options.fetch ?? fetch)(`${options.baseUrl ?? ""}${path}`, {
    method,
    headers,
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const json = /\bjson\b/.test(res.headers.get("content-type") ?? "");
  if (!res.ok) {
    const error = json ? ((await res.json().catch(() => null)) as { error?: ErrorBody } | null)?.error : undefined;
    return { ok: false, status: res.status, error, headers: res.headers };
  }
  let data: unknown;
  if (json) data = await res.json();
  else if (res.status === 204) data = undefined;
  else data = await res.blob();
  return { ok: true, status: res.status, body: data as RouteResponse<K>, headers: res.headers };
}
