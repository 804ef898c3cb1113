// Shared steps of the session tests: a table seated by staff, phones joining through its
// card, orders taken to ACCEPTED by the real pipeline worker.
import { randomUUID } from "node:crypto";
import { billOf, type JoinResponse, type OrderDto, type TableDto } from "@ordered/contract";
import type { PrismaClient } from "../../src/db/prisma.js";
import type { ApiClient } from "../../src/tools/api-client.js";
import type { TestServer } from "../support/harness.js";
import { eventually } from "../support/harness.js";
import type { ClientSocket } from "../support/sockets.js";
import { dataOf, send } from "../support/sockets.js";

export async function createTable(server: TestServer, token: string, name: string): Promise<TableDto> {
  return (await server.api.route("POST /api/tables", { token, body: { name } })).table;
}

/** A table, seated: its card code and its open session. */
export async function seatedTable(server: TestServer, token: string, name = "Table 4") {
  const table = await createTable(server, token, name);
  const { session } = await server.api.seatTable(token, table.id);
  return { table, session, cardCode: cardCodeOf(table) };
}

export const cardCodeOf = (table: TableDto): string => table.cardUrl.split("/t/")[1]!;

/**
 * A guest at the table: joins through its card and types the session's PIN (which staff show
 * there), so it may order.
 */
export async function joinAtTable(api: ApiClient, cardCode: string, pin: string, displayName?: string): Promise<JoinResponse> {
  const joined = await api.joinByCard(cardCode, displayName);
  await api.verifyPin(joined.token, pin);
  return joined;
}

/** Places an order from a phone's socket and waits until the pipeline accepted it. */
export async function acceptedOrder(
  prisma: PrismaClient,
  phone: ClientSocket,
  items: { productId: string; quantity: number }[],
): Promise<OrderDto> {
  const { order } = dataOf(await send(phone, "order:place", { clientOrderId: randomUUID(), items }));
  await eventually(
    async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "ACCEPTED",
    15_000,
    `order ${order.id} accepted`,
  );
  return order;
}

/** A session's bill as staff read it (GET /api/sessions/:id), with the detail it was computed from. */
export async function billAt(server: TestServer, token: string, id: string) {
  const detail = await server.api.route("GET /api/sessions/:id", { token, params: { id } });
  return { detail, bill: billOf({ currency: "EUR", orders: detail.orders, payments: detail.payments }) };
}
