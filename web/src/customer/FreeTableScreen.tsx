import type { CardInfoResponse, JoinResponse } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { formatLocale, t } from "../i18n/i18n";
import type { Entry } from "./customer-storage";
import { LanguageSwitch } from "./LanguageSwitch";
import { type JoinRefusal, joinBody, joinRefusalOf } from "./phone-flow";
import { useSeatWait } from "./use-seat-wait";

/** How often a free table's card tries to join again while the guests wait to be seated (the fallback of the wait: useSeatWait). */
export const FREE_RETRY_MS = 10_000;

interface Props {
  entry: Entry;
  displayName: string;
  card: CardInfoResponse | null;
  onJoined: (res: JoinResponse) => void;
  onRefused: (refusal: Exclude<JoinRefusal, "free">) => void;
}

/**
 * A card scanned at a table nobody has seated yet: a friendly wait, not an error. The server
 * tells the phone the moment staff seat the table (useSeatWait); the card is also checked
 * again every FREE_RETRY_MS, when the phone wakes up, and on the button. Once seated the phone
 * joins and the guests land on the menu without scanning again.
 */
export function FreeTableScreen({ entry, displayName, card, onJoined, onRefused }: Props) {
  const [busy, setBusy] = useState(false);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ onJoined, onRefused });
  latest.current = { onJoined, onRefused };

  const attempt = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      // Asking whether the table is seated yet costs nothing of the card's join budget
      // (joins through one card are rate-limited per table); the join comes once it is.
      const info = await api("GET /api/cards/:cardCode", { params: { cardCode: entry.code } });
      if (info.seated || info.location.openOnFirstScan) {
        latest.current.onJoined(await api("POST /api/sessions/join", { body: joinBody(entry, displayName) }));
        return;
      }
      setError(null);
      setCheckedAt(new Date().toISOString());
    } catch (err) {
      const refusal = err instanceof ApiError ? joinRefusalOf(err.code) : null;
      if (refusal && refusal !== "free") return latest.current.onRefused(refusal);
      // Still free (or no answer): say when it was checked and keep waiting.
      setError(refusal === "free" ? null : err instanceof Error ? err.message : String(err));
      setCheckedAt(new Date().toISOString());
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [entry, displayName]);

  useSeatWait(entry.code, attempt);

  useEffect(() => {
    const timer = setInterval(() => void attempt(), FREE_RETRY_MS);
    const woke = () => {
      if (document.visibilityState === "visible") void attempt();
    };
    document.addEventListener("visibilitychange", woke);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", woke);
    };
  }, [attempt]);

  return (
    <main className="centered customer with-language">
      <LanguageSwitch />
      <div className="centered-card stack free-table">
        {card && <p className="kicker">{t("cardJoin.greeting", { table: card.tableName, venue: card.location.name })}</p>}
        <h1>{t("cardJoin.freeTitle")}</h1>
        <p>{t("cardJoin.freeBody")}</p>
        <p className="muted small" aria-live="polite">
          {busy
            ? t("cardJoin.checking")
            : checkedAt
              ? t("cardJoin.checkedAt", { time: timeWithSeconds(checkedAt) })
              : t("cardJoin.autoRetry")}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="button" className="button primary large" disabled={busy} onClick={() => void attempt()}>
          {t("cardJoin.retry")}
        </button>
      </div>
    </main>
  );
}

const timeWithSeconds = (iso: string) =>
  new Date(iso).toLocaleTimeString(formatLocale(), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
