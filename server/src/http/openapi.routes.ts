import { openApiDocument } from "@ordered/contract";
import type { Config } from "../config.js";
import { handlers } from "./routes.js";

/**
 * GET /api/openapi.json: the route table as an OpenAPI 3.1 document (contract/src/openapi.ts),
 * for clients we do not write. Made once per process: the table does not change while it runs.
 */
export function openApiRoutes(config: Pick<Config, "publicUrl">) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return handlers({
    "GET /api/openapi.json": async ({ reply }) => {
      document ??= openApiDocument({ serverUrl: config.publicUrl });
      reply(document);
    },
  });
}
