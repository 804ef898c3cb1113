import { randomUUID } from "node:crypto";
import type { CustomerSessionDto, LoggedEvent, OrderDto, SessionDto, SessionSummaryDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal, Tokens } from "../auth/tokens.js";
import { isUniqueViolation } from "../db/errors.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, isoText, sql, sqlOn, sqlTransaction, utc } from "../db/sql.js";
import { toLocationDto, toSessionDto } from "../dto.js";
import { AppError } from "../errors.js";
import type { Limiter } from "../http/rate-limit.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";
import { appendEvent, jsonPayload } from "../session-log/session-log.js";
import { JOIN_CODE_PATTERN, newJoinCode } from "./join-code.js";

const ClosedRow = z.strictObject({ closed_at: z.iso.datetime() });

export interface SessionWithOrders {
  session: SessionDto;
  orders: OrderDto[];
}

const TableRow = z.strictObject({ name: z.string(), retired: z.boolean() });

/**
 * Opens a session — seating a table of the location, or free-standing with a label — and
 * logs `session.opened`, carrying the session as staff see it, as its event number 1. A
 * table already seated is a CONFLICT (a partial unique index decides a race).
 */
export async function openSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  input: { label?: string | undefined; tableId?: string | undefined },
): Promise<{ session: SessionDto; event: LoggedEvent<"session.opened"> }> {
  let label = input.label;
  if (input.tableId) {
    const table = await sqlOn(prisma).row(
      TableRow,
      sql`SELECT name, retired_at IS NOT NULL AS retired FROM dining_table WHERE id = ${input.tableId}::uuid AND location_id = ${staff.locationId}::uuid`,
    );
    if (!table || table.retired) throw AppError.notFound("table");
    label ??= table.name;
  }
  if (!label) throw new AppError("VALIDATION_FAILED", "body.label: must name a table or give a label");
  const row = {
    id: randomUUID(),
    label,
    status: "OPEN" as const,
    joinCode: newJoinCode(),
    openedAt: new Date(),
    closedAt: null,
    lastSeq: 1,
    tableId: input.tableId ?? null,
  };
  const session = toSessionDto(row, publicUrl);
  return sqlTransaction(prisma, async (db) => {
    // Two statements: the log's UPDATE of the session row cannot see an INSERT in its own statement.
    try {
      await db.run(sql`
        INSERT INTO order_session (id, location_id, label, status, join_code, opened_at, opened_by_id, last_seq, table_id)
        VALUES (${row.id}::uuid, ${staff.locationId}::uuid, ${label}, 'OPEN', ${row.joinCode}, ${utc(row.openedAt)}, ${staff.staffId}::uuid, 0,
                ${row.tableId}::uuid)`);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", `${label} is already seated; close its session first`);
      throw err;
    }
    const { event } = await appendEvent(db, {
      type: "session.opened",
      sessionId: sql`${row.id}::uuid`,
      payload: jsonPayload(session),
    });
    if (!event) throw new Error(`session ${row.id} was opened but not logged`);
    return { session, event };
  });
}

export async function listSessions(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  query: { status?: "OPEN" | "CLOSED" | undefined; limit: number },
): Promise<SessionSummaryDto[]> {
  const rows = await prisma.orderSession.findMany({
    where: { locationId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ openedAt: "desc" }, { id: "asc" }],
    take: query.limit,
    include: { _count: { select: { orders: true } } },
  });
  return rows.map((r) => ({ ...toSessionDto(r, publicUrl), orderCount: r._count.orders }));
}

export async function getSession(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  sessionId: string,
): Promise<SessionWithOrders> {
  const row = await prisma.orderSession.findFirst({ where: { id: sessionId, locationId } });
  if (!row) throw AppError.notFound("session");
  return { session: toSessionDto(row, publicUrl), orders: await loadSessionOrderDtos(sqlOn(prisma), row.id) };
}

/**
 * Closes an open session. The guard is in the WHERE clause, so two staff closing at once
 * log one `session.closed`; closing a closed session returns it unchanged (event null).
 * The session row's lock orders closing against placements (orders/place-order.ts).
 */
export async function closeSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  sessionId: string,
): Promise<{ session: SessionDto; event: LoggedEvent<"session.closed"> | null }> {
  const event = await sqlTransaction(prisma, async (db) => {
    // Stamped after the row lock (which placements also take), so no order logged before
    // the close has a later time than the close.
    const closed = await db.row(
      ClosedRow,
      sql`
      UPDATE order_session SET status = 'CLOSED', closed_at = ${CLOCK}, closed_by_id = ${staff.staffId}::uuid
      WHERE id = ${sessionId}::uuid AND location_id = ${staff.locationId}::uuid AND status = 'OPEN'
      RETURNING ${isoText("closed_at")} AS closed_at`,
    );
    if (!closed) return null;
    const logged = await appendEvent(db, {
      type: "session.closed",
      sessionId: sql`${sessionId}::uuid`,
      payload: jsonPayload({ closedAt: closed.closed_at }),
    });
    return logged.event;
  });
  const row = await prisma.orderSession.findFirst({ where: { id: sessionId, locationId: staff.locationId } });
  if (!row) throw AppError.notFound("session");
  return { session: toSessionDto(row, publicUrl), event };
}

/** Exchanges a join code for a customer token scoped to that one open session. */
export async function joinSession(
  deps: { prisma: PrismaClient; tokens: Tokens; limiters: { sessionJoin: Limiter } },
  input: { joinCode: string; displayName?: string | undefined },
): Promise<CustomerSessionDto & { token: string; expiresIn: number }> {
  // Anything that cannot be a join code is answered like an unknown one.
  const session = JOIN_CODE_PATTERN.test(input.joinCode)
    ? await deps.prisma.orderSession.findUnique({ where: { joinCode: input.joinCode }, include: { location: true } })
    : null;
  if (!session) throw new AppError("NOT_FOUND", "this table code is not valid");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  await deps.limiters.sessionJoin.consume(session.id, "joins at this table");
  const customer = await deps.prisma.customer.create({
    data: { sessionId: session.id, displayName: input.displayName ?? null },
  });
  const token = deps.tokens.signCustomer({ customerId: customer.id, sessionId: session.id, locationId: session.locationId });
  return {
    token,
    expiresIn: deps.tokens.customerTtlSeconds,
    session: { id: session.id, label: session.label, status: session.status, lastSeq: session.lastSeq },
    location: toLocationDto(session.location),
    customer: { id: customer.id, displayName: customer.displayName },
  };
}

/** The session a customer token is scoped to, with its orders; closed sessions are refused. */
export async function getCustomerSession(
  prisma: PrismaClient,
  customer: { customerId: string; sessionId: string },
): Promise<CustomerSessionDto & { orders: OrderDto[] }> {
  const session = await prisma.orderSession.findUnique({
    where: { id: customer.sessionId },
    include: { location: true },
  });
  const me = await prisma.customer.findUnique({ where: { id: customer.customerId } });
  if (!session || !me || me.sessionId !== session.id) throw new AppError("UNAUTHENTICATED", "invalid token");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  return {
    session: { id: session.id, label: session.label, status: session.status, lastSeq: session.lastSeq },
    location: toLocationDto(session.location),
    customer: { id: me.id, displayName: me.displayName },
    orders: await loadSessionOrderDtos(sqlOn(prisma), session.id),
  };
}
