import type { CreateTableBody, TableDto } from "@ordered/contract";
import type { ApiClient } from "../../server/dist/tools/api-client.js";

/** Adds a table through the REST API (as a test's setup). */
export async function createTable(api: ApiClient, staffToken: string, body: CreateTableBody): Promise<TableDto> {
  return (await api.route("POST /api/tables", { token: staffToken, body })).table;
}

/** The location's tables in use, in floor order, as the server stored them. */
export async function listTables(api: ApiClient, staffToken: string): Promise<TableDto[]> {
  return (await api.route("GET /api/tables", { token: staffToken })).tables;
}
