import type { ErrorBody, ErrorCode } from "@ordered/contract/client";
import { t } from "../i18n/i18n";

/** A failed API call with the server's error code ("NETWORK" when there was no answer). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | "NETWORK",
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Calls the JSON API; throws ApiError with the server's code and message on failure. */
export async function api<T>(path: string, options: { token?: string | null; method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError("NETWORK", t("common.networkError"), 0);
  }
  const body = (await res.json().catch(() => null)) as ({ error?: ErrorBody } & T) | null;
  if (!res.ok) {
    const error = body?.error;
    throw new ApiError(error?.code ?? "INTERNAL", error?.message ?? t("common.unexpectedError"), res.status);
  }
  return body as T;
}
