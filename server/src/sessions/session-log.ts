import type { Db } from "../db/prisma.js";

type Tx = Db.Prisma.TransactionClient;

export interface LoggedEvent<T extends string = string, P = unknown> {
  sessionId: string;
  seq: number;
  type: T;
  payload: P;
  at: string;
}

/**
 * Appends an event to a session's log inside the caller's transaction and returns it.
 * The UPDATE takes the session row's lock until commit, so concurrent writers to one
 * session are serialised and the numbers stay gap-free: a rolled-back transaction
 * rolls its number back too.
 */
export async function appendEvent<T extends string, P>(tx: Tx, sessionId: string, type: T, payload: P): Promise<LoggedEvent<T, P>> {
  const { lastSeq } = await tx.orderSession.update({
    where: { id: sessionId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  const row = await tx.sessionEvent.create({
    data: { sessionId, seq: lastSeq, type, payload: payload as Db.Prisma.InputJsonValue },
    select: { createdAt: true },
  });
  return { sessionId, seq: lastSeq, type, payload, at: row.createdAt.toISOString() };
}

/** Events of a session after `afterSeq`, oldest first, at most `limit`. */
export async function readEvents(
  prisma: { sessionEvent: Db.PrismaClient["sessionEvent"] },
  sessionId: string,
  afterSeq: number,
  limit = 1000,
): Promise<LoggedEvent[]> {
  const rows = await prisma.sessionEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ sessionId: r.sessionId, seq: r.seq, type: r.type, payload: r.payload, at: r.createdAt.toISOString() }));
}
