/**
 * The one LocationDto builder: PostgreSQL builds it (like every DTO read at run time), from
 * the location row `l`, for every reader — the settings page, logins, a phone's join, the
 * receipt.
 */
import { LocationDto, type LocationSettingsBody } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { photoUrlsJson } from "../media/photo-urls.js";

/** `l` is the location row. */
export const LOCATION_JSON = sql`json_build_object('id', l.id, 'name', l.name, 'currency', l.currency,
  'openOnFirstScan', l.open_on_first_scan, 'cardJoinCheck', l.card_join_check, 'timeZone', l.time_zone,
  'ticketAmberMinutes', l.ticket_amber_minutes, 'ticketRedMinutes', l.ticket_red_minutes,
  'serviceChargeBps', l.service_charge_bps, 'legalName', l.legal_name, 'address', l.address, 'taxId', l.tax_id,
  'pricesIncludeTax', l.prices_include_tax,
  'onlinePayments', (SELECT pa.provider FROM payment_account pa WHERE pa.location_id = l.id),
  'receiptPrinterId', l.receipt_printer_id,
  'dayCutoffHour', l.day_cutoff_hour, 'kitchenLanguage', l.kitchen_language, 'menuLanguage', l.menu_language,
  'brandColor', l.brand_color, 'logo', ${photoUrlsJson("l.logo_key")}, 'cover', ${photoUrlsJson("l.cover_key")})`;

const Row = z.strictObject({ location: LocationDto });
const LOCATION = statement<{ id: string }>(
  "locations.one",
  (p) => sql`SELECT ${LOCATION_JSON} AS location FROM location l WHERE l.id = ${p.id}::uuid`,
);
const LOCK = statement<{ id: string }>(
  "locations.lock",
  (p) => sql`SELECT ${LOCATION_JSON} AS location FROM location l WHERE l.id = ${p.id}::uuid FOR NO KEY UPDATE`,
);
const UPDATE = statement<{
  id: string;
  openOnFirstScan: boolean | null;
  cardJoinCheck: string | null;
  timeZone: string | null;
  ticketAmberMinutes: number | null;
  ticketRedMinutes: number | null;
  serviceChargeBps: number | null;
  pricesIncludeTax: boolean | null;
  dayCutoffHour: number | null;
  kitchenLanguage: string | null;
  menuLanguage: string | null;
  brandColorGiven: boolean;
  brandColor: string | null;
  /** The legal identity's fields are set (to a value or to null) only when given. */
  legalNameGiven: boolean;
  addressGiven: boolean;
  taxIdGiven: boolean;
  legalName: string | null;
  address: string | null;
  taxId: string | null;
}>(
  "locations.update-settings",
  (p) => sql`
    UPDATE location l SET
      open_on_first_scan = coalesce(${p.openOnFirstScan}::boolean, l.open_on_first_scan),
      card_join_check = coalesce(${p.cardJoinCheck}::"CardJoinCheck", l.card_join_check),
      time_zone = coalesce(${p.timeZone}, l.time_zone),
      ticket_amber_minutes = coalesce(${p.ticketAmberMinutes}::int, l.ticket_amber_minutes),
      ticket_red_minutes = coalesce(${p.ticketRedMinutes}::int, l.ticket_red_minutes),
      service_charge_bps = coalesce(${p.serviceChargeBps}::int, l.service_charge_bps),
      prices_include_tax = coalesce(${p.pricesIncludeTax}::boolean, l.prices_include_tax),
      day_cutoff_hour = coalesce(${p.dayCutoffHour}::int, l.day_cutoff_hour),
      kitchen_language = coalesce(${p.kitchenLanguage}, l.kitchen_language),
      menu_language = coalesce(${p.menuLanguage}, l.menu_language),
      legal_name = CASE WHEN ${p.legalNameGiven}::boolean THEN ${p.legalName} ELSE l.legal_name END,
      address = CASE WHEN ${p.addressGiven}::boolean THEN ${p.address} ELSE l.address END,
      tax_id = CASE WHEN ${p.taxIdGiven}::boolean THEN ${p.taxId} ELSE l.tax_id END,
      brand_color = CASE WHEN ${p.brandColorGiven}::boolean THEN ${p.brandColor} ELSE l.brand_color END
    WHERE l.id = ${p.id}::uuid
    RETURNING ${LOCATION_JSON} AS location`,
);

/** The staff's own location. */
export async function getLocation(prisma: PrismaClient, id: string): Promise<LocationDto> {
  const row = await sqlOn(prisma).row(Row, LOCATION, { id });
  if (!row) throw AppError.notFound("location");
  return row.location;
}

/**
 * Changes the location's settings (the fields given). Thresholds given one at a time are
 * checked against the other's stored value, under the row's lock.
 */
export async function updateLocationSettings(
  prisma: PrismaClient,
  id: string,
  body: z.output<typeof LocationSettingsBody>,
): Promise<LocationDto> {
  return sqlTransaction(prisma, async (db) => {
    const current = (await db.row(Row, LOCK, { id }))?.location;
    if (!current) throw AppError.notFound("location");
    const { ticketAmberMinutes: amber, ticketRedMinutes: red } = body;
    if ((amber ?? current.ticketAmberMinutes) >= (red ?? current.ticketRedMinutes)) {
      throw new AppError("VALIDATION_FAILED", "body.ticketAmberMinutes: must be less than ticketRedMinutes");
    }
    const updated = await db.row(Row, UPDATE, {
      id,
      openOnFirstScan: body.openOnFirstScan ?? null,
      cardJoinCheck: body.cardJoinCheck ?? null,
      timeZone: body.timeZone ?? null,
      ticketAmberMinutes: amber ?? null,
      ticketRedMinutes: red ?? null,
      serviceChargeBps: body.serviceChargeBps ?? null,
      pricesIncludeTax: body.pricesIncludeTax ?? null,
      dayCutoffHour: body.dayCutoffHour ?? null,
      kitchenLanguage: body.kitchenLanguage ?? null,
      menuLanguage: body.menuLanguage ?? null,
      legalNameGiven: body.legalName !== undefined,
      addressGiven: body.address !== undefined,
      taxIdGiven: body.taxId !== undefined,
      legalName: body.legalName ?? null,
      address: body.address ?? null,
      taxId: body.taxId ?? null,
      brandColorGiven: body.brandColor !== undefined,
      brandColor: body.brandColor ?? null,
    });
    if (!updated) throw AppError.notFound("location");
    return updated.location;
  });
}
