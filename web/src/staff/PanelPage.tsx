import { useState } from "react";
import type { QrDto } from "@ordered/contract";
import { strings } from "../strings";
import type { StaffAuth } from "./staff-auth";
import { ordersOf, type SessionSummary } from "./staff-store";
import type { StaffLive } from "./use-staff-live";
import { ClosedSessionCard } from "./ClosedSessionCard";
import { LiveFeed } from "./LiveFeed";
import { NewSessionForm } from "./NewSessionForm";
import { OpenSessionCard } from "./OpenSessionCard";
import { QrModal } from "./QrModal";

/** /panel: open and closed sessions side by side, with the live feed of new orders. */
export function PanelPage({ live, auth }: { live: StaffLive; auth: StaffAuth }) {
  const { state } = live;
  const [qrFor, setQrFor] = useState<{ id: string; qr?: QrDto } | null>(null);
  const all = Object.values(state.sessions);
  const byOpened = (a: SessionSummary, b: SessionSummary) => b.openedAt.localeCompare(a.openedAt);
  const open = all.filter((s) => s.status === "OPEN").sort(byOpened);
  const closed = all
    .filter((s) => s.status === "CLOSED")
    .sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
  const shown = qrFor ? state.sessions[qrFor.id] : undefined;

  return (
    <div className="panel">
      <main className="panel-main">
        <NewSessionForm
          onCreate={async (label) => {
            const res = await live.openSession(label);
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
                socket={live.socket}
                onOrder={live.orderFromAck}
                onShowQr={() => setQrFor({ id: s.id })}
                onClose={() => live.closeSession(s.id)}
              />
            ))}
          </section>
          <section aria-labelledby="closed-sessions" className="column">
            <h2 id="closed-sessions">
              {strings.panel.closedSessions} <span className="count">{closed.length}</span>
            </h2>
            {state.loaded && closed.length === 0 && <p className="muted">{strings.panel.noClosedSessions}</p>}
            {closed.map((s) => (
              <ClosedSessionCard key={s.id} session={s} onOpen={() => setQrFor({ id: s.id })} />
            ))}
          </section>
        </div>
      </main>
      <LiveFeed feed={state.feed} currency={auth.staff.location.currency} />
      {shown && qrFor && (
        <QrModal session={shown} token={auth.token} initialQr={qrFor.qr} onClose={() => setQrFor(null)} />
      )}
    </div>
  );
}
