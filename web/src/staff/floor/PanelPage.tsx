import { can, type QrDto } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { OrderPad } from "../order-pad/OrderPad";
import { ClosedSessionCard } from "../sessions/ClosedSessionCard";
import { QrModal } from "../sessions/QrModal";
import { closedSessions, orderCountOf } from "../sessions/staff-sessions";
import { TableSheet } from "../sessions/TableSheet";
import { useNow } from "../use-now";
import type { StaffLive } from "../use-staff-live";
import { FloorPlan } from "./FloorPlan";
import { LiveFeed } from "./LiveFeed";
import { NewSessionForm } from "./NewSessionForm";
import { useSeen } from "./seen-store";
import { actionItems, thresholdsOf, unseen } from "./triage";

/**
 * /panel: the floor (every table as a tile saying what it waits for, then the sessions without
 * a table, opening a session, and the closed ones) or one table's sheet, beside the feed of
 * what needs action. A tile, an item of the feed or a new session opens its table's sheet
 * (/panel?table=<session id>, so a reload or the tablet's Back button does what a waiter expects).
 */
export function PanelPage({ staffLive, auth }: { staffLive: StaffLive; auth: StaffAuth }) {
  const { state } = staffLive;
  const [qrFor, setQrFor] = useState<{ id: string; qr?: QrDto } | null>(null);
  const [sheetFor, openSheet, closeSheet] = useSheet();
  const { seen, markSeen } = useSeen();
  const now = useNow(10_000);
  const thresholds = thresholdsOf(auth.staff.location);
  const closed = closedSessions(state);
  const shown = qrFor ? state.sessions[qrFor.id] : undefined;
  // The order pad, open for one session (a table's, or a counter order's).
  const [padFor, setPadFor] = useState<string | null>(null);
  const padSession = padFor ? state.sessions[padFor] : undefined;
  const mayEnter = can(auth.staff.role, "orders.enter");
  const sheetSession = sheetFor ? state.sessions[sheetFor] : undefined;
  const sheetOpen = sheetSession?.status === "OPEN";

  // A sheet whose session closed (here or on another device, or merged into another table),
  // or that this location does not have, goes back to the floor.
  useEffect(() => {
    if (sheetFor && state.loaded && sheetSession?.status !== "OPEN") closeSheet();
  }, [sheetFor, sheetSession?.status, state.loaded, closeSheet]);

  return (
    <div className="panel">
      <main className="panel-main">
        {sheetOpen && sheetSession && (
          // The sheet's title (the table) is the page's heading.
          <TableSheet
            key={sheetSession.id}
            session={sheetSession}
            state={state}
            token={auth.token}
            currency={auth.staff.location.currency}
            cardJoinCheck={auth.staff.location.cardJoinCheck}
            receiptPrinter={auth.staff.location.receiptPrinterId !== null}
            thresholds={thresholds}
            role={auth.staff.role}
            onShowQr={() => setQrFor({ id: sheetSession.id })}
            onClose={(body) => staffLive.closeSession(sheetSession.id, body)}
            onTakeOrder={() => setPadFor(sheetSession.id)}
            onBack={closeSheet}
          />
        )}
        {/* The floor stays rendered under a sheet (hidden): Back shows it at once, its tables loaded. */}
        {/* A sheet's URL reloaded: neither until the live state says whether it is still open. */}
        <div hidden={sheetOpen || (sheetFor !== null && !state.loaded)}>
          <h1 className="visually-hidden">{strings.panel.floorLink}</h1>
          <FloorPlan staffLive={staffLive} auth={auth} onOpenSession={openSheet} />
          <p className="muted small">{strings.floor.withoutTableHint}</p>
          <NewSessionForm
            onCreate={async (label) => {
              const res = await staffLive.openSession(label);
              openSheet(res.session.id);
              setQrFor({ id: res.session.id, qr: res.qr });
            }}
            onCounterOrder={
              mayEnter
                ? async () => {
                    // A walk-up order: a session without a table, named by the time, and the pad on it.
                    const res = await staffLive.openSession(strings.counter.label(formatTime(new Date().toISOString())));
                    openSheet(res.session.id);
                    setPadFor(res.session.id);
                  }
                : undefined
            }
          />
          <section aria-labelledby="closed-sessions" className="closed-sessions">
            <h2 id="closed-sessions">
              {strings.panel.closedSessions} <span className="count">{closed.length}</span>
            </h2>
            {state.loaded && closed.length === 0 && <p className="muted">{strings.panel.noClosedSessions}</p>}
            <div className="closed-list">
              {closed.map((s) => (
                <ClosedSessionCard
                  key={s.id}
                  session={s}
                  orderCount={orderCountOf(state, s)}
                  token={auth.token}
                  receipt={state.receipts[s.id]}
                />
              ))}
            </div>
          </section>
        </div>
      </main>
      <LiveFeed
        items={unseen(actionItems(state, { phonesChecked: auth.staff.location.cardJoinCheck !== "OFF" }), seen)}
        state={state}
        now={now}
        thresholds={thresholds}
        onSeen={markSeen}
        onOpen={openSheet}
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

const SHEET_PARAM = "table";
const sheetInUrl = () => new URLSearchParams(window.location.search).get(SHEET_PARAM);

/**
 * Which table's sheet shows, kept in the URL: opening one from the floor adds a history entry
 * (Back returns to the floor), opening another from a sheet replaces it (Back still goes to
 * the floor, never through every table seen). Closing goes back to the floor tile it came from.
 */
function useSheet(): [string | null, (sessionId: string) => void, () => void] {
  const [sheetFor, setSheetFor] = useState<string | null>(sheetInUrl);
  const shown = useRef(sheetFor);
  shown.current = sheetFor;
  // Whether this page pushed the sheet's history entry (not so after a reload on a sheet's URL:
  // going back then would leave the page), so the sheet's Back can be the browser's Back.
  const pushed = useRef(false);

  useEffect(() => {
    // Back (the tablet's, the browser's, or the sheet's own through history.back()).
    const onPop = () => {
      pushed.current = false;
      const from = shown.current;
      const next = sheetInUrl();
      setSheetFor(next);
      if (from && !next) focusTile(from);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const open = useCallback((sessionId: string) => {
    const current = sheetInUrl();
    if (current === sessionId) return;
    const url = `${window.location.pathname}?${SHEET_PARAM}=${encodeURIComponent(sessionId)}`;
    if (current) history.replaceState(history.state, "", url);
    else {
      history.pushState(null, "", url);
      pushed.current = true;
    }
    setSheetFor(sessionId);
    window.scrollTo({ top: 0 });
  }, []);
  const close = useCallback(() => {
    if (pushed.current) {
      pushed.current = false;
      return history.back();
    }
    const from = sheetInUrl();
    history.replaceState(null, "", window.location.pathname);
    setSheetFor(null);
    if (from) focusTile(from);
  }, []);
  return [sheetFor, open, close];
}

/** Focus goes back to the floor tile of the table just left, once the floor has rendered. */
function focusTile(sessionId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(sessionId)}"]`)?.focus());
}
