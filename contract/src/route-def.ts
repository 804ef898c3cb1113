/**
 * What a row of the route table (routes.ts) holds. zod-free at run time (zod's types only).
 */
import type { z } from "zod";
import type { Permission } from "./staff-roles.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A body or an answer that is not JSON: a file's bytes, in one of these media types. */
export interface FileContent {
  readonly file: readonly string[];
  /** Largest body accepted (request bodies only); a larger one is PAYLOAD_TOO_LARGE. */
  readonly maxBytes?: number;
  /** What the file is, for messages ("photo: the file is larger than 8 MB"). */
  readonly what: string;
}

/** Who may call a route: anyone, a phone (its customer token), or staff (with `may`: a role that has the permission). */
export type RouteAccess = { by: "public" } | { by: "customer" } | { by: "staff"; may?: Permission };

/** One row of the route table (routes.ts). */
export type RouteDef = RouteAccess & {
  /** One line for the API's readers (the OpenAPI summary). */
  summary: string;
  /** Path parameters (`:id`); one that fails its schema is NOT_FOUND with the schema's message. */
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType | FileContent;
  /** The answer on success; null: none (204 No Content). */
  response: z.ZodType | FileContent | null;
  /** The success status when it is not 200 (201 Created; 204 when `response` is null). */
  status?: 201 | 204;
  /** Further statuses that carry the same answer (a repeated payment: 200; health: 503). */
  alsoStatus?: readonly number[];
};

/** A file answer or body (`{ file: [...] }`), as opposed to a JSON one. */
export function isFileContent(x: unknown): x is FileContent {
  return typeof x === "object" && x !== null && "file" in x && Array.isArray((x as FileContent).file);
}
