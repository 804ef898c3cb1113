/**
 * The one SessionDto builder: the session row's columns as SQL reads them (times as ISO text:
 * db/sql.ts isoText), and the join URL added from the deployment's public URL.
 */
import { LocationDto, type SessionDto, SessionStatus } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { isoText, sql, sqlOn, statement } from "../db/sql.js";
import { LOCATION_JSON } from "../locations/location-dto.sql.js";

/** `s` is the session row. */
export const SESSION_COLUMNS = sql`s.id, s.label, s.status, s.join_code, ${isoText("s.opened_at")} AS opened_at,
  ${isoText("s.closed_at")} AS closed_at, s.last_seq, s.table_id, s.pin,
  s.service_charge_bps, s.prices_include_tax`;

export const SessionRow = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  status: SessionStatus,
  join_code: z.string(),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  last_seq: z.number().int(),
  table_id: z.uuid().nullable(),
  pin: z.string(),
  service_charge_bps: z.number().int(),
  prices_include_tax: z.boolean(),
});
export type SessionRow = z.output<typeof SessionRow>;

export const toSessionDto = (s: SessionRow, publicUrl: string): SessionDto => ({
  id: s.id,
  label: s.label,
  status: s.status,
  joinCode: s.join_code,
  joinUrl: `${publicUrl}/s/${s.join_code}`,
  openedAt: s.opened_at,
  closedAt: s.closed_at,
  lastSeq: s.last_seq,
  tableId: s.table_id,
  pin: s.pin,
  serviceChargeBps: s.service_charge_bps,
  pricesIncludeTax: s.prices_include_tax,
});

const OF_LOCATION = statement<{ id: string; locationId: string }>(
  "sessions.of-location",
  (p) => sql`SELECT ${SESSION_COLUMNS} FROM order_session s WHERE s.id = ${p.id}::uuid AND s.location_id = ${p.locationId}::uuid`,
);

/** A session of this location (another location's is undefined, like an unknown one). */
export async function findSession(prisma: PrismaClient, id: string, locationId: string): Promise<SessionRow | undefined> {
  return sqlOn(prisma).row(SessionRow, OF_LOCATION, { id, locationId });
}

/** A session as a phone meets it: with its location, for joining and what the phone shows. */
export const SessionWithLocation = z.strictObject({
  id: z.uuid(),
  location_id: z.uuid(),
  label: z.string(),
  status: SessionStatus,
  last_seq: z.number().int(),
  pin_failures: z.number().int(),
  service_charge_bps: z.number().int(),
  prices_include_tax: z.boolean(),
  location: LocationDto,
});
export type SessionWithLocation = z.output<typeof SessionWithLocation>;

const WITH_LOCATION = sql`SELECT s.id, s.location_id, s.label, s.status, s.last_seq, s.pin_failures, s.service_charge_bps, s.prices_include_tax, ${LOCATION_JSON} AS location
  FROM order_session s JOIN location l ON l.id = s.location_id`;
const WITH_LOCATION_BY_ID = statement<{ id: string }>(
  "sessions.with-location-by-id",
  (p) => sql`${WITH_LOCATION} WHERE s.id = ${p.id}::uuid`,
);
const WITH_LOCATION_BY_CODE = statement<{ joinCode: string }>(
  "sessions.with-location-by-code",
  (p) => sql`${WITH_LOCATION} WHERE s.join_code = ${p.joinCode}`,
);

export async function findSessionWithLocation(
  prisma: PrismaClient,
  by: { id: string } | { joinCode: string },
): Promise<SessionWithLocation | undefined> {
  const db = sqlOn(prisma);
  return "id" in by ? db.row(SessionWithLocation, WITH_LOCATION_BY_ID, by) : db.row(SessionWithLocation, WITH_LOCATION_BY_CODE, by);
}
