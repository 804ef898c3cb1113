import type { QrDto } from "@ordered/contract";
import { useState } from "react";
import { ordersOf } from "../realtime/live-state";
import { strings } from "../strings";
import { ClosedSessionCard } from "./ClosedSessionCard";
import { LiveFeed } from "./LiveFeed";
import { NewSessionForm } from "./NewSessionForm";
import { OpenSessionCard } from "./OpenSessionCard";
import { QrModal } from "./QrModal";
import type { StaffAuth } from "./staff-auth";
import { closedSessions, feedOf, openSessions, orderCountOf } from "./staff-sessions";
import type { StaffLive } from "./use-staff-live";

/** /panel: open and closed sessions side by side, with the live feed of new orders. */
export function PanelPage({ staffLive, auth }: { staffLive: StaffLive; auth: StaffAuth }) {
  const { state } = staffLive;
  const [qrFor, setQrFor] = useState<{ id: string; qr?: QrDto } | null>(null);
  const open = openSessions(state);
  const closed = closedSessions(state);
  const shown = qrFor ? state.sessions[qrFor.id] : undefined;

  return (
    <div className="panel">
      <main className="panel-main">
        <NewSessionForm
          onCreate={async (label) => {
            const res = await staffLive.openSession(label);
            setQrFor({ id: res.session.id, qr: res.qr });
          }}
        />
        <div className="columns">
          <section aria-labelledby="open-sessions" className="column">
            <h2 id="open-sessions">
              {strings.panel.openSessions} <span className="count">{open.length}</span>
            </h2>
            {state.loaded && open.length === 0 && <p className="muted">{strings.panel.noOpenSessions}</p>}
            {open.map((s) => (
              <OpenSessionCard
                key={s.id}
                session={s}
                orders={ordersOf(state, s.id)}
                onShowQr={() => setQrFor({ id: s.id })}
                onClose={() => staffLive.closeSession(s.id)}
              />
            ))}
          </section>
          <section aria-labelledby="closed-sessions" className="column">
            <h2 id="closed-sessions">
              {strings.panel.closedSessions} <span className="count">{closed.length}</span>
            </h2>
            {state.loaded && closed.length === 0 && <p className="muted">{strings.panel.noClosedSessions}</p>}
            {closed.map((s) => (
              <ClosedSessionCard key={s.id} session={s} orderCount={orderCountOf(state, s)} onOpen={() => setQrFor({ id: s.id })} />
            ))}
          </section>
        </div>
      </main>
      <LiveFeed feed={feedOf(state)} currency={auth.staff.location.currency} />
      {shown && qrFor && <QrModal session={shown} token={auth.token} initialQr={qrFor.qr} onClose={() => setQrFor(null)} />}
    </div>
  );
}
