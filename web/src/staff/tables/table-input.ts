import { LIMITS } from "@ordered/contract/client";

/** A table's fields as the API takes them (CreateTableBody / UpdateTableBody). */
export interface TableInput {
  name: string;
  area: string | null;
  seats: number | null;
}

/**
 * The table form's text fields as an API body: trimmed, an empty area or seats is null.
 * Seats that are not a whole number in range give `seats: "invalid"` (the form says so
 * before asking the server); the name's rules are the server's to check.
 */
export function tableInputOf(fields: { name: string; area: string; seats: string }): TableInput | { seats: "invalid" } {
  const seatsText = fields.seats.trim();
  let seats: number | null = null;
  if (seatsText !== "") {
    if (!/^\d+$/.test(seatsText)) return { seats: "invalid" };
    seats = Number(seatsText);
    if (seats < 1 || seats > LIMITS.table.maxSeats) return { seats: "invalid" };
  }
  return { name: fields.name.trim(), area: fields.area.trim() || null, seats };
}

/** The areas already in use, for the form's suggestions: each once, in floor order. */
export function areasOf(tables: readonly { area: string | null; position: number }[]): string[] {
  const seen = new Set<string>();
  for (const t of [...tables].sort((a, b) => a.position - b.position)) if (t.area) seen.add(t.area);
  return [...seen];
}
