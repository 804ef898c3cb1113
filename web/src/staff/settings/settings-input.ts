/**
 * The settings page's forms as plain data: the receipts' legal identity read into a
 * PATCH /api/location body, and the time zones the select offers for what is typed.
 */
import type { LocationDto } from "@ordered/contract/client";

export interface LegalIdentityBody {
  legalName?: string | null;
  address?: string | null;
  taxId?: string | null;
}

/** The address as the server keeps it: each line trimmed, empty lines dropped. */
export const addressLines = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");

/**
 * The fields that differ from `current`, each trimmed; an emptied field is null (cleared).
 * Nothing changed: an empty body (nothing to send).
 */
export function legalIdentityBody(
  typed: { legalName: string; address: string; taxId: string },
  current: Pick<LocationDto, "legalName" | "address" | "taxId">,
): LegalIdentityBody {
  const next = {
    legalName: typed.legalName.trim() || null,
    address: addressLines(typed.address) || null,
    taxId: typed.taxId.trim() || null,
  };
  const body: LegalIdentityBody = {};
  for (const key of ["legalName", "address", "taxId"] as const) if (next[key] !== current[key]) body[key] = next[key];
  return body;
}

/** Every IANA time zone this browser knows (UTC among them), in order. */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...zones, "UTC"])].sort();
}

/** A zone's name as people type it: "America/Argentina/Buenos_Aires" → "america/argentina/buenos aires". */
const searchable = (zone: string) => zone.toLowerCase().replace(/_/g, " ");

/**
 * The zones whose name contains every word of `filter` (case and "_" or space do not matter:
 * "new york", "york", "europe ber"), and `current` always first among them, so the select
 * keeps showing the zone in use whatever is typed.
 */
export function timeZoneChoices(zones: readonly string[], filter: string, current: string): string[] {
  const words = searchable(filter)
    .split(/[\s/]+/)
    .filter(Boolean);
  const matching = zones.filter((z) => z !== current && words.every((w) => searchable(z).includes(w)));
  return [current, ...matching];
}
