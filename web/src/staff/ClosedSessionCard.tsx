import { formatTime } from "../lib/money";
import { strings } from "../strings";
import type { StaffSession } from "./staff-sessions";

export function ClosedSessionCard({ session, orderCount, onOpen }: { session: StaffSession; orderCount: number; onOpen: () => void }) {
  return (
    <article className="card session closed" aria-label={session.label}>
      <h3>
        <button type="button" className="session-title" aria-haspopup="dialog" onClick={onOpen}>
          {session.label}
        </button>
      </h3>
      <p className="muted small">
        {session.closedAt ? strings.panel.sessionClosedAt(formatTime(session.closedAt)) : null} · {strings.panel.orderCount(orderCount)}
      </p>
    </article>
  );
}
