import { can, type QrDto } from "@ordered/contract/client";
import { useState } from "react";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { OrderPad } from "../order-pad/OrderPad";
import { ClosedSessionCard } from "../sessions/ClosedSessionCard";
import { OpenSessionCard } from "../sessions/OpenSessionCard";
import { QrModal } from "../sessions/QrModal";
import { closedSessions, openSessions, orderCountOf } from "../sessions/staff-sessions";
import { useNow } from "../use-now";
import type { StaffLive } from "../use-staff-live";
import { FloorPlan } from "./FloorPlan";
import { LiveFeed } from "./LiveFeed";
import { NewSessionForm } from "./NewSessionForm";
import { useSeen } from "./seen-store";
import { actionItems, byLongestWait, thresholdsOf, unseen } from "./triage";

/**
 * /panel: the floor's tables, then open sessions (the one waiting longest first) and closed
 * ones side by side, with the feed of what needs action.
 */
export function PanelPage({ staffLive, auth }: { staffLive: StaffLive; auth: StaffAuth }) {
  const { state } = staffLive;
  const [qrFor, setQrFor] = useState<{ id: string; qr?: QrDto } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { seen, markSeen } = useSeen();
  const now = useNow(10_000);
  const thresholds = thresholdsOf(auth.staff.location);
  const open = byLongestWait(openSessions(state), state);
  const closed = closedSessions(state);
  const shown = qrFor ? state.sessions[qrFor.id] : undefined;
  // The order pad, open for one session (a table's, or a counter order's).
  const [padFor, setPadFor] = useState<string | null>(null);
  const padSession = padFor ? state.sessions[padFor] : undefined;
  const mayEnter = can(auth.staff.role, "orders.enter");

  return (
    <div className="panel">
      <main className="panel-main">
        <h1 className="visually-hidden">{strings.panel.floorLink}</h1>
        <FloorPlan staffLive={staffLive} auth={auth} onOpenSession={(id) => setSelected(showSession(id))} />
        <p className="muted small">{strings.floor.withoutTableHint}</p>
        <NewSessionForm
          onCreate={async (label) => {
            const res = await staffLive.openSession(label);
            setQrFor({ id: res.session.id, qr: res.qr });
          }}
          onCounterOrder={
            mayEnter
              ? async () => {
                  // A walk-up order: a session without a table, named by the time, and the pad on it.
                  const res = await staffLive.openSession(strings.counter.label(formatTime(new Date().toISOString())));
                  setPadFor(res.session.id);
                }
              : undefined
          }
        />
        <div className="columns">
          <section aria-labelledby="open-sessions" className="column">
            <h2 id="open-sessions">
              {strings.panel.openSessions} <span className="count">{open.length}</span>
            </h2>
            {open.length > 1 && <p className="muted small sorted-hint">{strings.triage.sortedHint}</p>}
            {state.loaded && open.length === 0 && <p className="muted">{strings.panel.noOpenSessions}</p>}
            {open.map((s) => (
              // The floor's tiles scroll here; the slot marks the session last chosen there.
              <div
                key={s.id}
                id={sessionAnchor(s.id)}
                tabIndex={-1}
                className={s.id === selected ? "session-slot selected" : "session-slot"}
              >
                <OpenSessionCard
                  session={s}
                  state={state}
                  token={auth.token}
                  currency={auth.staff.location.currency}
                  cardJoinCheck={auth.staff.location.cardJoinCheck}
                  thresholds={thresholds}
                  role={auth.staff.role}
                  onShowQr={() => setQrFor({ id: s.id })}
                  onClose={(body) => staffLive.closeSession(s.id, body)}
                  onTakeOrder={() => setPadFor(s.id)}
                />
              </div>
            ))}
          </section>
          <section aria-labelledby="closed-sessions" className="column">
            <h2 id="closed-sessions">
              {strings.panel.closedSessions} <span className="count">{closed.length}</span>
            </h2>
            {state.loaded && closed.length === 0 && <p className="muted">{strings.panel.noClosedSessions}</p>}
            {closed.map((s) => (
              <ClosedSessionCard
                key={s.id}
                session={s}
                orderCount={orderCountOf(state, s)}
                token={auth.token}
                receipt={state.receipts[s.id]}
              />
            ))}
          </section>
        </div>
      </main>
      <LiveFeed
        items={unseen(actionItems(state, { phonesChecked: auth.staff.location.cardJoinCheck !== "OFF" }), seen)}
        state={state}
        now={now}
        thresholds={thresholds}
        onSeen={markSeen}
      />
      {padSession && padSession.status === "OPEN" && (
        <OrderPad
          session={padSession}
          token={auth.token}
          timeZone={auth.staff.location.timeZone}
          currency={auth.staff.location.currency}
          orders={Object.values(state.orders).flatMap((byId) => Object.values(byId))}
          onClose={() => setPadFor(null)}
        />
      )}
      {shown && qrFor && <QrModal session={shown} token={auth.token} initialQr={qrFor.qr} onClose={() => setQrFor(null)} />}
    </div>
  );
}

const sessionAnchor = (sessionId: string) => `session-${sessionId}`;

/** Brings a session's card into view and gives it focus, so keyboard users land on it too. */
function showSession(sessionId: string): string {
  const slot = document.getElementById(sessionAnchor(sessionId));
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  slot?.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "start" });
  slot?.focus({ preventScroll: true });
  return sessionId;
}
