import type { AlertDto } from "@ordered/contract/client";
import { formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { AlertAckButton } from "./AlertAckButton";
import { nameOf, pendingAlerts, timeAgo } from "./session-view";

interface Props {
  alerts: AlertDto[];
  names: ReadonlyMap<string, string>;
  label: string;
  now: number;
  /** Once the table splits by item: what each phone (by customer id) still owes of its share, shown with its bill request. */
  shares?: ReadonlyMap<string, string> | undefined;
}

/** A session's calls: the waiting ones first and loud, then the answered ones with who answered and when. */
export function AlertList({ alerts, names, label, now, shares }: Props) {
  if (alerts.length === 0) return null;
  const waiting = pendingAlerts(alerts);
  const answered = alerts
    .filter((a) => a.acknowledgedAt !== null)
    .sort((a, b) => (b.acknowledgedAt ?? "").localeCompare(a.acknowledgedAt ?? ""));
  const who = (a: AlertDto) => nameOf(names, a.customerId, a.customerName);

  return (
    <section className="seat-calls" aria-label={strings.alerts.sectionTitle(label)}>
      {waiting.length > 0 && (
        <ul className="seat-call-list">
          {waiting.map((a) => (
            <li key={a.id} className={`seat-call waiting kind-${a.kind.toLowerCase()}`}>
              <span className="seat-call-kind">{strings.alerts.kind[a.kind]}</span>
              <span className="seat-call-text">
                <strong>{strings.alerts.raised[a.kind](who(a))}</strong>
                {a.kind === "BILL" && a.customerId && shares?.has(a.customerId) && (
                  <span className="seat-call-share"> · {strings.split.billShare(shares.get(a.customerId)!)}</span>
                )}
                <span className="muted small"> · {timeAgo(a.raisedAt, now)}</span>
              </span>
              <AlertAckButton alert={a} who={who(a)} label={label} />
            </li>
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <ul className="seat-call-list answered">
          {answered.map((a) => (
            <li key={a.id} className="seat-call done small">
              <span className="muted">
                {strings.alerts.answered[a.kind](
                  who(a),
                  a.acknowledgedBy ?? strings.alerts.someone,
                  formatTime(a.acknowledgedAt ?? a.raisedAt),
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
