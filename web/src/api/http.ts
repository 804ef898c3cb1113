import { type ErrorCode, type RouteArgs, type RouteKey, type RouteResponse, sendRoute } from "@ordered/contract/client";
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

/**
 * Calls a route of the contract's table (`api("GET /api/sessions/:id", { token, params: { id } })`),
 * typed by its schemas: params, query and body as the route takes them, its answer as it sends
 * it. Throws ApiError with the server's code and message on failure.
 */
export async function api<K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<RouteResponse<K>> {
  let answer: Awaited<ReturnType<typeof sendRoute<K>>>;
  try {
    answer = await sendRoute(key, args[0]);
  } catch {
    throw new ApiError("NETWORK", t("common.networkError"), 0);
  }
  if (!answer.ok) {
    throw new ApiError(answer.error?.code ?? "INTERNAL", answer.error?.message ?? t("common.unexpectedError"), answer.status);
  }
  return answer.body;
}
