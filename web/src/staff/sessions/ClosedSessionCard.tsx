import type { ReceiptDto } from "@ordered/contract/client";
import { useState } from "react";
import { formatMoney, formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { SessionRecordDialog } from "./SessionRecordDialog";
import type { StaffSession } from "./staff-sessions";

interface Props {
  session: StaffSession;
  orderCount: number;
  token: string;
  /** Known when the panel saw it close (the `session:closed` event carries it). */
  receipt?: ReceiptDto | undefined;
}

/** A closed session in the list; "View" opens its read-only record. */
export function ClosedSessionCard({ session, orderCount, token, receipt }: Props) {
  const [viewing, setViewing] = useState(false);
  return (
    <article className="card session closed" aria-label={session.label}>
      <div className="session-header">
        <h3>{session.label}</h3>
        <button
          type="button"
          className="button small"
          aria-haspopup="dialog"
          aria-label={strings.session.viewLabel(session.label)}
          onClick={() => setViewing(true)}
        >
          {strings.session.view}
        </button>
      </div>
      <p className="muted small">
        {session.closedAt ? strings.panel.sessionClosedAt(formatTime(session.closedAt)) : null} · {strings.panel.orderCount(orderCount)}
        {receipt ? ` · ${formatMoney(receipt.bill.totalCents, receipt.bill.currency)}` : null}
      </p>
      {viewing && <SessionRecordDialog session={session} token={token} knownReceipt={receipt} onClose={() => setViewing(false)} />}
    </article>
  );
}
