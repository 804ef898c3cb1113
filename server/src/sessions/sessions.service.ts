import type { StaffPrincipal, Tokens } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import {
  toLocationDto,
  toSessionDto,
  type CustomerSessionDto,
  type OrderDto,
  type SessionDto,
} from "../dto.js";
import { AppError } from "../errors.js";
import type { Limiter } from "../http/rate-limit.js";
import { JOIN_CODE_PATTERN, newJoinCode } from "./join-code.js";
import { poolQuery, prismaQuery } from "../db/sql.js";
import { loadSessionOrderDtos } from "../orders/order-dto.sql.js";
import { appendEvent, type LoggedEvent } from "./session-log.js";

export interface SessionWithOrders {
  session: SessionDto;
  orders: OrderDto[];
}

/** Opens a session and logs `session.opened` as its first event. */
export async function openSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  label: string,
): Promise<{ session: SessionDto; event: LoggedEvent }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.orderSession.create({
      data: { locationId: staff.locationId, label, joinCode: newJoinCode(), openedById: staff.staffId },
    });
    // The opening event is always number 1, and carries the session as staff will see it.
    const session = toSessionDto({ ...row, lastSeq: 1 }, publicUrl);
    const event = await appendEvent(prismaQuery(tx), row.id, "session.opened", session);
    return { session, event };
  });
}

export async function listSessions(
  prisma: PrismaClient,
  publicUrl: string,
  locationId: string,
  query: { status?: "OPEN" | "CLOSED" | undefined; limit: number },
): Promise<(SessionDto & { orderCount: number })[]> {
  const rows = await prisma.orderSession.findMany({
    where: { locationId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ openedAt: "desc" }, { id: "asc" }],
    take: query.limit,
    include: { _count: { select: { orders: true } } },
  });
  return rows.map((r) => ({ ...toSessionDto(r, publicUrl), orderCount: r._count.orders }));
}

export async function getSession(prisma: PrismaClient, publicUrl: string, locationId: string, sessionId: string): Promise<SessionWithOrders> {
  const row = await prisma.orderSession.findFirst({ where: { id: sessionId, locationId } });
  if (!row) throw AppError.notFound("session");
  return { session: toSessionDto(row, publicUrl), orders: await loadSessionOrderDtos(poolQuery(prisma), row.id) };
}

/**
 * Closes an open session. The guard is in the WHERE clause, so two staff closing at once
 * log one `session.closed`; closing a closed session returns it unchanged (event null).
 */
export async function closeSession(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  sessionId: string,
): Promise<{ session: SessionDto; event: LoggedEvent | null }> {
  return prisma.$transaction(async (tx) => {
    const closedAt = new Date();
    const { count } = await tx.orderSession.updateMany({
      where: { id: sessionId, locationId: staff.locationId, status: "OPEN" },
      data: { status: "CLOSED", closedAt, closedById: staff.staffId },
    });
    const event = count === 1 ? await appendEvent(prismaQuery(tx), sessionId, "session.closed", { closedAt: closedAt.toISOString() }) : null;
    const row = await tx.orderSession.findFirst({ where: { id: sessionId, locationId: staff.locationId } });
    if (!row) throw AppError.notFound("session");
    return { session: toSessionDto(row, publicUrl), event };
  });
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
    orders: await loadSessionOrderDtos(poolQuery(prisma), session.id),
  };
}
