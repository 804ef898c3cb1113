import { useEffect, useRef } from "react";
import { beep } from "../../lib/beep";
import { customersOf } from "../../realtime/live-state";
import { strings } from "../../strings";
import { useNow } from "../use-now";
import { AlertAckButton } from "./AlertAckButton";
import { nameOf, openAlertsOf, phoneNames, timeAgo } from "./session-view";
import type { StaffState } from "./staff-sessions";

/**
 * Every open call of the location, on every page of the panel and every staff device, live;
 * a short sound when a new one comes in. Empty (and silent) when nobody is waiting.
 */
export function AlertStrip({ state }: { state: StaffState }) {
  const now = useNow();
  const alerts = openAlertsOf(state);
  const heard = useRef<Set<string> | null>(null);
  const waiting = alerts.map((a) => a.id).join(" ");

  useEffect(() => {
    const ids = waiting ? waiting.split(" ") : [];
    // Calls already waiting when the panel loaded were announced to whoever was watching then.
    if (heard.current === null) {
      if (state.loaded) heard.current = new Set(ids);
      return;
    }
    const fresh = ids.filter((id) => !heard.current?.has(id));
    for (const id of fresh) heard.current.add(id);
    if (fresh.length > 0) beep();
  }, [waiting, state.loaded]);

  if (alerts.length === 0) return null;
  return (
    <section className="alert-strip" aria-label={strings.alerts.stripTitle}>
      <h2 className="visually-hidden">{strings.alerts.stripTitle}</h2>
      <ul className="alert-strip-list" aria-live="polite">
        {alerts.map((a) => {
          const label = state.sessions[a.sessionId]?.label ?? "";
          const who = nameOf(phoneNames(customersOf(state, a.sessionId)), a.customerId, a.customerName);
          return (
            <li key={a.id} className={`strip-call kind-${a.kind.toLowerCase()}`}>
              <span className="seat-call-kind">{strings.alerts.kind[a.kind]}</span>
              <span className="seat-call-text">
                <strong>{label}</strong> · {strings.alerts.raised[a.kind](who)}
                <span className="muted small"> · {timeAgo(a.raisedAt, now)}</span>
              </span>
              <AlertAckButton alert={a} who={who} label={label} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
