import type { CardInfoResponse } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { ApiError, api } from "../api/http";
import type { Entry } from "./customer-storage";

/** What the first screen names before asking anything: the table and the venue. */
export interface EntryGreeting {
  table: string;
  venue: string;
  /** A card's own answer (whether its table is seated), for the free-table screen; null for a join code. */
  card: CardInfoResponse | null;
}

export type EntryInfo =
  | { state: "loading" }
  /** A live code; `greeting` null when it could not be loaded (offline: the join still may work, and says). */
  | { state: "ready"; greeting: EntryGreeting | null }
  /** Not a code of this app: said at once, nothing asked. */
  | { state: "unknown" }
  /** A join code whose session has closed. */
  | { state: "closed" };

/** The state an error of the code's check leaves the first screen in. */
export function entryInfoOfError(err: unknown): EntryInfo {
  if (err instanceof ApiError && (err.code === "NOT_FOUND" || err.code === "VALIDATION_FAILED")) return { state: "unknown" };
  if (err instanceof ApiError && err.code === "SESSION_CLOSED") return { state: "closed" };
  return { state: "ready", greeting: null };
}

async function load(entry: Entry): Promise<EntryGreeting> {
  const code = encodeURIComponent(entry.code);
  if (entry.kind === "card") {
    const card = await api("GET /api/cards/:cardCode", { params: { cardCode: code } });
    return { table: card.tableName, venue: card.location.name, card };
  }
  const info = await api("GET /api/sessions/code/:joinCode", { params: { joinCode: code } });
  return { table: info.label, venue: info.location.name, card: null };
}

/**
 * The code checked before the first screen asks anything: GET /api/cards/:code for a table's
 * card, GET /api/sessions/code/:joinCode for a session's own QR. Loaded once, when `needed`.
 */
export function useEntryInfo(entry: Entry, needed: boolean): EntryInfo {
  const [info, setInfo] = useState<EntryInfo>({ state: "loading" });
  const want = needed && info.state === "loading";
  const { kind, code } = entry;
  useEffect(() => {
    if (!want) return;
    let cancelled = false;
    load({ kind, code })
      .then((greeting) => !cancelled && setInfo({ state: "ready", greeting }))
      .catch((err: unknown) => !cancelled && setInfo(entryInfoOfError(err)));
    return () => {
      cancelled = true;
    };
  }, [want, kind, code]);
  return info;
}
