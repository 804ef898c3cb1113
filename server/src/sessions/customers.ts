/**
 * The phones of a session: joining (with the session's code or the table's card), staff
 * removing one, and the check every customer token passes (removed phones are refused on
 * REST, at the socket handshake and on every command, on every instance).
 */
import type { CodeInfoResponse, CustomerDto, CustomerSessionDto, LoggedEvent, SessionDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal, Tokens } from "../auth/tokens.js";
import { type DbEnumValue, label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { Limiter } from "../http/rate-limit.js";
import { getLocation } from "../locations/location-dto.sql.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { JOIN_CODE_PATTERN, newJoinCode, newPin } from "./join-code.js";
import { presenceOf } from "./presence.js";
import { findSession, findSessionWithLocation, toSessionDto } from "./session-dto.sql.js";
import { loadCustomers, lockSession } from "./session-extras.sql.js";
import { openSession } from "./sessions.service.js";

export type JoinResult = CustomerSessionDto & { token: string; expiresIn: number };

interface JoinDeps {
  prisma: PrismaClient;
  tokens: Tokens;
  publicUrl: string;
  limiters: { sessionJoin: Limiter; cardJoin: Limiter };
}

const IdRow = z.strictObject({ id: z.uuid() });
const CardRow = z.strictObject({ id: z.uuid(), name: z.string(), location_id: z.uuid(), open_on_first_scan: z.boolean() });

const TABLE_BY_CARD_SQL = statement<{ cardCode: string }>(
  "customers.table-by-card",
  (p) => sql`SELECT t.id, t.name, t.location_id, l.open_on_first_scan FROM dining_table t JOIN location l ON l.id = t.location_id
            WHERE t.card_code = ${p.cardCode} AND t.retired_at IS NULL`,
);

/** A table in use, by its card's code; anything else is "not a valid card". */
async function tableByCard(db: SqlRunner, cardCode: string) {
  const table = JOIN_CODE_PATTERN.test(cardCode) ? await db.row(CardRow, TABLE_BY_CARD_SQL, { cardCode }) : undefined;
  if (!table) throw new AppError("NOT_FOUND", "this table card is not valid");
  return table;
}

const OPEN_SESSION_OF_TABLE_SQL = statement<{ tableId: string }>(
  "customers.open-session-of-table",
  (p) => sql`SELECT id FROM order_session WHERE table_id = ${p.tableId}::uuid AND status = ${label("SessionStatus", "OPEN")}`,
);

const openSessionOfTable = (db: SqlRunner, tableId: string) => db.row(IdRow, OPEN_SESSION_OF_TABLE_SQL, { tableId });

/**
 * The table behind a card, for a phone waiting there (tables/seat-waits.ts), and whether it may
 * join now: the table is seated, or its venue opens a session on the first scan.
 */
export async function cardTable(prisma: PrismaClient, cardCode: string): Promise<{ tableId: string; joinable(): Promise<boolean> }> {
  const db = sqlOn(prisma);
  const table = await tableByCard(db, cardCode);
  return {
    tableId: table.id,
    joinable: async () => table.open_on_first_scan || (await openSessionOfTable(db, table.id)) !== undefined,
  };
}

/** What a phone shows before joining through a card. */
export async function cardInfo(prisma: PrismaClient, cardCode: string) {
  const db = sqlOn(prisma);
  const table = await tableByCard(db, cardCode);
  const location = await getLocation(prisma, table.location_id);
  return { tableName: table.name, location, seated: (await openSessionOfTable(db, table.id)) !== undefined };
}

/**
 * Joins through a table's permanent card: the table's open session, if it has one. A free
 * table is TABLE_FREE, unless its location opens a session on first scan: then this scan
 * opens it (staff hear of it as `session.opened`, opened by nobody) and joins it. Joins
 * through one card are rate-limited per table, whatever the address; TABLE_FREE answers
 * do not count.
 */
export async function joinByCard(
  deps: JoinDeps,
  input: { cardCode: string; displayName?: string | undefined },
): Promise<{ joined: JoinResult; events: LoggedEvent[] }> {
  const db = sqlOn(deps.prisma);
  const table = await tableByCard(db, input.cardCode);
  const events: LoggedEvent[] = [];
  let session = await openSessionOfTable(db, table.id);
  // Only joins count against the table: phones asking at a free table (answered below) do
  // not use up its allowance (they are limited per address like every join).
  if (session || table.open_on_first_scan) await deps.limiters.cardJoin.consume(table.id, "joins through this table's card");
  if (!session && table.open_on_first_scan) {
    try {
      const opened = await openSession(
        deps.prisma,
        deps.publicUrl,
        { locationId: table.location_id, staffId: null },
        { tableId: table.id },
      );
      events.push(opened.event);
      session = { id: opened.session.id };
    } catch (err) {
      // Another phone's scan opened it first: join that one.
      if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
      session = await openSessionOfTable(db, table.id);
    }
  }
  if (!session) throw new AppError("TABLE_FREE", `${table.name} is free at the moment: a member of staff will seat you shortly`);
  const { joined, event } = await joinSession(deps, { id: session.id }, "CARD", input.displayName);
  events.push(event);
  return { joined, events };
}

/** Joins with the session's own code (the QR modal's). */
/**
 * What a phone shows before joining with a session's own code: the venue and the table. An
 * unknown code is NOT_FOUND and a closed session SESSION_CLOSED, as joining would answer, so
 * the phone says so before asking anything.
 */
export async function codeInfo(prisma: PrismaClient, joinCode: string): Promise<CodeInfoResponse> {
  if (!JOIN_CODE_PATTERN.test(joinCode)) throw new AppError("NOT_FOUND", "this table code is not valid");
  const session = await findSessionWithLocation(prisma, { joinCode });
  if (!session) throw new AppError("NOT_FOUND", "this table code is not valid");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  return { label: session.label, location: session.location };
}

export async function joinByCode(
  deps: JoinDeps,
  input: { joinCode: string; displayName?: string | undefined },
): Promise<{ joined: JoinResult; event: LoggedEvent<"customer.joined"> }> {
  // Anything that cannot be a join code is answered like an unknown one.
  if (!JOIN_CODE_PATTERN.test(input.joinCode)) throw new AppError("NOT_FOUND", "this table code is not valid");
  return joinSession(deps, { joinCode: input.joinCode }, "CODE", input.displayName);
}

// The session's own code is shown by staff on their device: having it proves presence. A
// card is on the table for ever (and in photos): its phones prove presence afterwards.
const INSERT_CUSTOMER = statement<{ sessionId: string; displayName: string | null; via: DbEnumValue<"JoinVia"> }>(
  "customers.insert",
  (p) => {
    const byCode = sql`${p.via}::"JoinVia" = ${label("JoinVia", "CODE")}`;
    return sql`INSERT INTO customer (id, session_id, display_name, joined_at, via, verified_at, verified_how)
    VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.displayName}, ${CLOCK}, ${p.via}::"JoinVia",
            CASE WHEN ${byCode} THEN ${CLOCK} END, CASE WHEN ${byCode} THEN ${label("PresenceProof", "CODE")} END)
    RETURNING id`;
  },
);

async function joinSession(
  deps: JoinDeps,
  by: { id: string } | { joinCode: string },
  via: DbEnumValue<"JoinVia">,
  displayName: string | undefined,
): Promise<{ joined: JoinResult; event: LoggedEvent<"customer.joined"> }> {
  const session = await findSessionWithLocation(deps.prisma, by);
  if (!session) throw new AppError("NOT_FOUND", "this table code is not valid");
  if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
  await deps.limiters.sessionJoin.consume(session.id, "joins at this table");
  const { customer, event } = await sqlTransaction(deps.prisma, async (db) => {
    const locked = await lockSession(db, session.id, session.location_id);
    if (locked.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    const inserted = await db.row(IdRow, INSERT_CUSTOMER, { sessionId: session.id, displayName: displayName ?? null, via });
    const [joined] = inserted ? await loadCustomers(db, { id: inserted.id }) : [];
    if (!joined) throw new Error("the customer just inserted is not there");
    const logged = await appendJsonEvent(db, "customer.joined", session.id, joined);
    if (!logged.event) throw new Error(`customer ${joined.id} joined but was not logged`);
    return { customer: joined, event: logged.event };
  });
  const token = deps.tokens.signCustomer({ customerId: customer.id, sessionId: session.id, locationId: session.location_id });
  return {
    joined: {
      token,
      expiresIn: deps.tokens.customerTtlSeconds,
      session: {
        id: session.id,
        label: session.label,
        status: session.status,
        lastSeq: event.seq,
        serviceChargeBps: session.service_charge_bps,
        pricesIncludeTax: session.prices_include_tax,
      },
      location: session.location,
      customer: {
        id: customer.id,
        displayName: customer.displayName,
        presence: presenceOf({
          check: session.location.cardJoinCheck,
          verified: customer.verifiedAt !== null,
          phoneFailures: 0,
          sessionFailures: session.pin_failures,
        }),
      },
    },
    event,
  };
}

const MARK_CUSTOMER_REMOVED_SQL = statement<{ staffId: string; customerId: string; sessionId: string }>(
  "customers.mark-removed",
  (p) => sql`UPDATE customer SET removed_at = ${CLOCK}, removed_by_id = ${p.staffId}::uuid
          WHERE id = ${p.customerId}::uuid AND session_id = ${p.sessionId}::uuid AND removed_at IS NULL`,
);

const REKEY_SESSION_SQL = statement<{ newJoinCode: string; newPin: string; sessionId: string }>(
  "customers.rekey-session",
  (p) => sql`UPDATE order_session SET join_code = ${p.newJoinCode}, pin = ${p.newPin}, pin_failures = 0 WHERE id = ${p.sessionId}::uuid`,
);

/**
 * Staff remove a phone from a session: its token is refused from now on (the caller closes
 * its open sockets on every instance), and the session gets a new join code and PIN in the
 * same transaction, so neither the removed phone nor anyone who saw the old code or PIN can
 * come back with them (the caller tells the location's staff devices the new ones). Removing
 * a removed phone changes nothing.
 */
export async function removeCustomer(
  prisma: PrismaClient,
  publicUrl: string,
  staff: StaffPrincipal,
  sessionId: string,
  customerId: string,
): Promise<{ customer: CustomerDto; session: SessionDto; event: LoggedEvent<"customer.removed"> | null }> {
  const removal = await sqlTransaction(prisma, async (db) => {
    await lockSession(db, sessionId, staff.locationId);
    const changed = await db.run(MARK_CUSTOMER_REMOVED_SQL, { staffId: staff.staffId, customerId, sessionId });
    const [customer] = await loadCustomers(db, { id: customerId, sessionId });
    if (!customer?.removedAt) throw AppError.notFound("phone");
    // Only a removal that happened rotates: repeating one leaves the code staff show now.
    if (changed === 0) return { customer, event: null };
    await db.run(REKEY_SESSION_SQL, { newJoinCode: newJoinCode(), newPin: newPin(), sessionId });
    const logged = await appendJsonEvent(db, "customer.removed", sessionId, { customerId, removedAt: customer.removedAt });
    return { customer, event: logged.event };
  });
  // Read after the commit: the code and PIN valid now (a removal committed since included).
  const row = await findSession(prisma, sessionId, staff.locationId);
  if (!row) throw AppError.notFound("session");
  return { ...removal, session: toSessionDto(row, publicUrl) };
}
