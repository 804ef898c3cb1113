import type { OrderDto } from "@ordered/contract";
import { useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatTime } from "../lib/money";
import { strings } from "../strings";
import { StaffOrderCard } from "./StaffOrderCard";
import type { StaffSession } from "./staff-sessions";

interface Props {
  session: StaffSession;
  orders: OrderDto[];
  onShowQr: () => void;
  onClose: () => Promise<void>;
}

export function OpenSessionCard({ session, orders, onShowQr, onClose }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <article className="card session open" aria-label={session.label}>
      <header className="session-header">
        <h3>
          <button
            type="button"
            className="session-title"
            aria-haspopup="dialog"
            onClick={onShowQr}
            title={strings.panel.openQr(session.label)}
          >
            {session.label}
            <span className="qr-badge" aria-hidden="true">
              {strings.panel.qrBadge}
            </span>
          </button>
        </h3>
        <span className="muted small">{strings.panel.openedAt(formatTime(session.openedAt))}</span>
        <button type="button" className="button ghost small" onClick={() => setConfirming(true)}>
          {strings.panel.closeSession}
        </button>
      </header>
      {orders.length === 0 ? (
        <p className="muted small">{strings.panel.noOrders}</p>
      ) : (
        <ol className="orders">
          {orders.map((o, i) => (
            <li key={o.id}>
              <StaffOrderCard order={o} label={`${session.label} #${i + 1}`} />
            </li>
          ))}
        </ol>
      )}
      {confirming && (
        <ConfirmDialog
          title={strings.panel.closeSession}
          message={strings.panel.confirmClose(session.label)}
          confirmLabel={strings.panel.closeSession}
          onConfirm={onClose}
          onClose={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
