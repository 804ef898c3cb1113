import {
  billOf,
  billSplit,
  type CardJoinCheck,
  type CloseSessionBody,
  can,
  type OrderDto,
  type PaymentDto,
  type StaffRoleName,
  ticketUrgency,
} from "@ordered/contract/client";
import { useEffect, useRef, useState } from "react";
import { formatAge } from "../../lib/age";
import { formatMoney, formatTime } from "../../lib/money";
import { alertsOf, claimsOf, customersOf, discountsOf, ordersOf, paymentsOf } from "../../realtime/live-state";
import { strings } from "../../strings";
import { CorrectionDialog } from "../corrections/CorrectionDialog";
import { correctionStrings } from "../corrections/strings";
import { AgePill } from "../floor/OrderAge";
import { type Thresholds, waitingSince } from "../floor/triage";
import { SessionCourses } from "../order-pad/SessionCourses";
import { useNow } from "../use-now";
import { AlertList } from "./AlertList";
import { declarationsByGuest, type TableAllergies } from "./allergy-view";
import { BillSummary } from "./BillSummary";
import { PaymentDialog } from "./PaymentDialog";
import { PrintDocument } from "./PrintDocument";
import { RefundDialog } from "./RefundDialog";
import { SessionAllergies } from "./SessionAllergies";
import { SessionCloseDialog } from "./SessionCloseDialog";
import { SessionPhones } from "./SessionPhones";
import { SplitDialog } from "./SplitDialog";
import { StaffOrderCard } from "./StaffOrderCard";
import { orderLabels, phoneNames } from "./session-view";
import { payerLabel } from "./split-view";
import type { StaffSession, StaffState } from "./staff-sessions";
import { MergeDialog } from "./transfers/MergeDialog";
import { MoveLinesDialog } from "./transfers/MoveLinesDialog";
import { MoveTableDialog } from "./transfers/MoveTableDialog";
import { SplitDialog as SplitOffDialog } from "./transfers/SplitDialog";
import { useSessionAllergies } from "./use-session-allergies";

interface Props {
  session: StaffSession;
  /** The panel's live state: the session's orders, phones, calls and payments are read from it. */
  state: StaffState;
  token: string;
  currency: string;
  /** How the location checks card-joined phones: with OFF, no phone waits to be accepted. */
  cardJoinCheck: CardJoinCheck;
  /** The location's amber and red minutes for order ages and waits. */
  thresholds: Thresholds;
  /** The signed-in account's role: what it may cancel and waive. */
  role: StaffRoleName;
  onShowQr: () => void;
  onClose: (body: CloseSessionBody) => Promise<unknown>;
  /** The location prints bills on a receipt printer (LocationDto.receiptPrinterId): the sheet offers Print bill. */
  receiptPrinter?: boolean;
  /** Opens the order pad for this session (issue 32). */
  onTakeOrder?: () => void;
  /** Back to the floor (the sheet's Floor button and Escape). */
  onBack: () => void;
}

/** Which dialog is open; a payment started from the close dialog goes back to it. */
type Dialog =
  | { kind: "pay"; thenClose: boolean }
  | { kind: "close" }
  | { kind: "merge" }
  | { kind: "moveTable" }
  | { kind: "splitOff" }
  | { kind: "split" }
  | { kind: "payPayer"; payer: string }
  | { kind: "move"; order: OrderDto }
  | { kind: "discount" }
  | { kind: "refund"; payment: PaymentDto; leftCents: number }
  | null;

/**
 * One table's sheet (issue 32, item 6): an open session, live, on one screen of a waiter's
 * tablet: what it waits for and what to do about it at the top (its calls with Acknowledge,
 * the actions: order pad, payment, split, discount, merge, split off, close), its courses in a
 * row with Fire, its orders with Ready/Delivered and each line's corrections, and beside them
 * its phones and running bill. Everything shown is derived from the live state, so every staff
 * device sees the same table without polling.
 */
export function TableSheet({
  session,
  state,
  token,
  currency,
  cardJoinCheck,
  thresholds,
  role,
  onShowQr,
  onClose,
  onTakeOrder,
  onBack,
  receiptPrinter = false,
}: Props) {
  const [dialog, setDialog] = useState<Dialog>(null);
  // A transfer chosen from the Move… menu closes the menu behind its dialog.
  const moveMenu = useRef<HTMLDetailsElement>(null);
  const fromMenu = (next: Dialog) => {
    if (moveMenu.current) moveMenu.current.open = false;
    setDialog(next);
  };
  // The sheet takes the focus when it opens, so a keyboard or a screen reader lands on the table.
  const sheetRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!sheetRef.current?.contains(document.activeElement)) sheetRef.current?.focus({ preventScroll: true });
  }, []);
  // Escape goes back to the floor, unless a dialog of the sheet (which closes on its own Escape) is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A modal (a native <dialog>, open) takes its own Escape; the sheet stays.
      if (e.key !== "Escape" || e.defaultPrevented || document.querySelector("dialog[open], [role=dialog]")) return;
      onBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack]);
  // Ages are shown in whole minutes: a tick every 10 s keeps them at most that late.
  const now = useNow(10_000);
  const since = waitingSince(state, session.id);
  const waitedMs = since === null ? 0 : Math.max(0, now - Date.parse(since));
  const orders = ordersOf(state, session.id);
  const customers = customersOf(state, session.id);
  const payments = paymentsOf(state, session.id);
  const names = phoneNames(customers);
  const labels = orderLabels(session.label, orders);
  // The table's declared allergies (issue 35): read on opening and after a reconnect, then live.
  const allergies = useSessionAllergies(session.id, token);
  const tableAllergies: TableAllergies = { all: allergies.allergies, byGuest: declarationsByGuest(allergies.allergies), names };
  const bill = billOf({
    currency,
    orders,
    payments,
    customers,
    corrections: discountsOf(state, session.id),
    serviceChargeBps: session.serviceChargeBps,
    pricesIncludeTax: session.pricesIncludeTax,
  });
  // The other seated tables: where this party, or lines of its orders, may go.
  const others = Object.values(state.sessions).filter((s) => s.status === "OPEN" && s.id !== session.id);
  const claims = claimsOf(state, session.id);
  const lineSeats = new Map(
    orders.flatMap((o) => o.items.flatMap((i) => (i.seat !== null ? [[`${o.id}:${i.position}`, i.seat] as const] : []))),
  );
  const phones = customers.filter((c) => c.removedAt === null).map((c) => c.id);
  // Once the table splits by item: what each payer still owes (a bill request shows the phone's).
  const split = claims.length > 0 ? billSplit(bill, claims, payments) : null;
  const phoneDue = new Map(
    (split?.payers ?? []).flatMap((p) =>
      p.payer.startsWith("phone:") ? [[p.payer.slice(6), formatMoney(p.dueCents, currency)] as const] : [],
    ),
  );

  return (
    <article ref={sheetRef} tabIndex={-1} className="card session open table-sheet" aria-label={session.label}>
      <header className="session-header">
        <button type="button" className="button ghost sheet-back" onClick={onBack} aria-label={strings.sheet.backLabel}>
          {strings.sheet.back}
        </button>
        <h1>
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
        </h1>
        <span className="muted small">{strings.panel.openedAt(formatTime(session.openedAt))}</span>
        {session.pin && (
          <span className="small session-pin-pill" title={strings.session.pinHint}>
            {strings.session.pin} <span className="session-pin">{session.pin}</span>
          </span>
        )}
        {since !== null && <AgePill age={formatAge(waitedMs)} urgency={ticketUrgency(waitedMs, thresholds)} showWaiting />}
        {(bill.totalCents > 0 || payments.length > 0) && (
          <span className={bill.dueCents > 0 ? "due-pill owing" : "due-pill"}>
            {strings.bill.duePill(formatMoney(bill.dueCents, currency))}
          </span>
        )}
      </header>

      <div className="session-actions sheet-actions">
        {onTakeOrder && can(role, "orders.enter") && (
          <button type="button" className="button primary" onClick={onTakeOrder}>
            {strings.pad.open}
          </button>
        )}
        <button type="button" className="button primary" onClick={() => setDialog({ kind: "pay", thenClose: false })}>
          {strings.session.recordPayment}
        </button>
        <button type="button" className="button" disabled={bill.lines.length === 0} onClick={() => setDialog({ kind: "split" })}>
          {strings.split.open}
        </button>
        {bill.subtotalCents - bill.billDiscountCents > 0 && (
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setDialog({ kind: "discount" })}>
            {correctionStrings.billButton}
          </button>
        )}
        <details className="sheet-move" ref={moveMenu}>
          <summary className="button">{strings.sheet.move}</summary>
          <div className="sheet-move-menu">
            {session.tableId !== null && (
              <button type="button" className="button" aria-haspopup="dialog" onClick={() => fromMenu({ kind: "moveTable" })}>
                {strings.transfer.moveTableButton}
              </button>
            )}
            <button type="button" className="button" aria-haspopup="dialog" onClick={() => fromMenu({ kind: "merge" })}>
              {strings.transfer.mergeButton}
            </button>
            <button type="button" className="button" aria-haspopup="dialog" onClick={() => fromMenu({ kind: "splitOff" })}>
              {strings.transfer.splitButton}
            </button>
          </div>
        </details>
        <button type="button" className="button sheet-close" onClick={() => setDialog({ kind: "close" })}>
          {strings.panel.closeSession}
        </button>
      </div>

      <AlertList alerts={alertsOf(state, session.id)} names={names} label={session.label} now={now} shares={phoneDue} />
      <SessionAllergies
        sessionId={session.id}
        label={session.label}
        byGuest={tableAllergies.byGuest}
        error={allergies.error}
        customers={customers}
        names={names}
        token={token}
        onSaved={allergies.put}
      />

      <div className="seat-body">
        <div className="seat-orders">
          <h4 className="seat-heading">
            {strings.session.orders} <span className="count">{orders.length}</span>
          </h4>
          <SessionCourses sessionId={session.id} orders={orders} canFire={can(role, "orders.enter")} />
          {orders.length === 0 ? (
            <p className="muted small">{strings.panel.noOrders}</p>
          ) : (
            <ol className="orders">
              {orders.map((o) => (
                <li key={o.id}>
                  <StaffOrderCard
                    order={o}
                    label={labels.get(o.id) ?? session.label}
                    now={now}
                    thresholds={thresholds}
                    role={role}
                    onMoveLines={() => setDialog({ kind: "move", order: o })}
                    token={token}
                    allergies={tableAllergies}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="seat-side">
          <SessionPhones
            sessionId={session.id}
            label={session.label}
            customers={customers}
            names={names}
            token={token}
            now={now}
            checked={cardJoinCheck !== "OFF"}
          />
          <BillSummary
            label={session.label}
            bill={bill}
            payments={payments}
            names={names}
            onRefund={can(role, "payments.refund") ? (payment, leftCents) => setDialog({ kind: "refund", payment, leftCents }) : undefined}
          />
          {receiptPrinter && can(role, "payments.record") && <PrintDocument sessionId={session.id} token={token} document="BILL" />}
        </div>
      </div>

      {dialog?.kind === "refund" && (
        <RefundDialog
          sessionId={session.id}
          label={session.label}
          bill={bill}
          payment={dialog.payment}
          leftCents={dialog.leftCents}
          token={token}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "moveTable" && <MoveTableDialog session={session} token={token} onClose={() => setDialog(null)} />}
      {dialog?.kind === "merge" && <MergeDialog session={session} others={others} token={token} onClose={() => setDialog(null)} />}
      {dialog?.kind === "splitOff" && (
        <SplitOffDialog session={session} customers={customers} names={names} token={token} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "move" && (
        <MoveLinesDialog
          order={orders.find((o) => o.id === dialog.order.id) ?? dialog.order}
          label={labels.get(dialog.order.id) ?? session.label}
          others={others}
          token={token}
          onClose={() => setDialog(null)}
        />
      )}

      {dialog?.kind === "pay" && (
        <PaymentDialog
          sessionId={session.id}
          label={session.label}
          bill={bill}
          names={names}
          token={token}
          onClose={() => setDialog(dialog.thenClose ? { kind: "close" } : null)}
        />
      )}
      {dialog?.kind === "split" && (
        <SplitDialog
          sessionId={session.id}
          label={session.label}
          bill={bill}
          claims={claims}
          payments={payments}
          phones={phones}
          names={names}
          lineSeats={lineSeats}
          token={token}
          onPay={(payer) => setDialog({ kind: "payPayer", payer })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "payPayer" && (
        <PaymentDialog
          sessionId={session.id}
          label={session.label}
          bill={bill}
          names={names}
          token={token}
          payer={{
            key: dialog.payer,
            name: payerLabel(dialog.payer, names),
            dueCents: billSplit(bill, claims, payments, [dialog.payer]).payers[0]?.dueCents ?? 0,
          }}
          onClose={() => setDialog({ kind: "split" })}
        />
      )}
      {dialog?.kind === "discount" && (
        <CorrectionDialog
          sessionId={session.id}
          token={token}
          role={role}
          target={{ kind: "bill", bill, label: session.label }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "close" && (
        <SessionCloseDialog
          label={session.label}
          bill={bill}
          orders={orders}
          orderLabels={labels}
          role={role}
          onPay={() => setDialog({ kind: "pay", thenClose: true })}
          onClose={() => setDialog(null)}
          close={onClose}
        />
      )}
    </article>
  );
}
