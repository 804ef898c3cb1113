import { ticketUrgency } from "@ordered/contract/client";
import { useState } from "react";
import { useAnnounce } from "../../components/Announcer";
import { OrderItems } from "../../components/OrderItems";
import { OrderStatusBadge } from "../../components/OrderStatusBadge";
import { formatAge } from "../../lib/age";
import { formatTime } from "../../lib/money";
import { useCommands } from "../../realtime/live-context";
import { customersOf } from "../../realtime/live-state";
import { strings } from "../../strings";
import { AlertAckButton } from "../sessions/AlertAckButton";
import { nameOf, phoneNames } from "../sessions/session-view";
import type { StaffState } from "../sessions/staff-sessions";
import { AgePill } from "./OrderAge";
import type { ActionItem, Thresholds } from "./triage";

interface Props {
  /** What needs action and this device has not marked seen, newest first. */
  items: ActionItem[];
  state: StaffState;
  now: number;
  thresholds: Thresholds;
  onSeen: (key: string) => void;
  /** Opens the item's table sheet. */
  onOpen: (sessionId: string) => void;
}

/**
 * The feed of what needs someone to act: new orders, orders ready to deliver, waiter calls,
 * bill requests and card-joined phones waiting to be accepted at open sessions, newest first.
 * Each item carries its real action where there is one (Delivered for food at the pass,
 * Acknowledge for a call or a bill request: the guest's phone hears of both), and opens its
 * table's sheet; finished things leave by themselves. "Seen" takes an item that only needs
 * looking at (a new order the kitchen has, a phone to accept at the table) off this device's
 * feed. New items are announced (aria-live), ticking ages are not.
 */
export function LiveFeed({ items, state, now, thresholds, onSeen, onOpen }: Props) {
  return (
    <aside className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">
        {strings.triage.feedTitle} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 && <p className="muted small">{strings.triage.feedEmpty}</p>}
      {/* Always rendered, so the first item is announced as an addition to a live region. */}
      <ol className="feed-list" aria-live="polite" aria-relevant="additions">
        {items.map((item) => (
          <FeedEntry key={item.key} item={item} state={state} now={now} thresholds={thresholds} onSeen={onSeen} onOpen={onOpen} />
        ))}
      </ol>
    </aside>
  );
}

function FeedEntry({ item, state, now, thresholds, onSeen, onOpen }: { item: ActionItem } & Omit<Props, "items">) {
  const what = strings.triage.kind[item.kind];
  const waitedMs = Math.max(0, now - Date.parse(item.since));
  const names = phoneNames(customersOf(state, item.sessionId));
  const who = item.alert
    ? nameOf(names, item.alert.customerId, item.alert.customerName)
    : item.customer
      ? nameOf(names, item.customer.id, item.customer.displayName)
      : item.order?.customerName;
  return (
    // The action comes last for screen readers (after what it is for); CSS puts it top right.
    <li className={`feed-item flash feed-${item.kind}`} aria-label={`${what}: ${item.label}`}>
      <div className="feed-head">
        <span className="feed-kind">{what}</span>
        <button
          type="button"
          className="feed-open"
          onClick={() => onOpen(item.sessionId)}
          aria-label={strings.triage.openLabel(item.label)}
        >
          {item.label}
        </button>
        {/* The contract's word, as on the order's card and the kitchen display: "New order" may be Preparing by now. */}
        {item.order && <OrderStatusBadge order={item.order} />}
      </div>
      <div className="feed-meta small">
        <span className="muted">
          {formatTime(item.since)}
          {who ? ` · ${who}` : ""}
        </span>
        <AgePill age={formatAge(waitedMs)} urgency={ticketUrgency(waitedMs, thresholds)} />
      </div>
      {item.order && <OrderItems items={item.order.items} showAllergens={false} />}
      <div className="feed-action">
        {item.kind === "ready" && item.order ? (
          <DeliverButton orderId={item.order.id} label={item.label} />
        ) : item.alert ? (
          <AlertAckButton
            alert={item.alert}
            who={who ?? ""}
            label={item.sessionLabel}
            ariaLabel={strings.triage.acknowledgeLabel(what, item.label)}
          />
        ) : (
          <button
            type="button"
            className="button ghost small feed-seen"
            onClick={() => onSeen(item.key)}
            aria-label={strings.triage.seenLabel(what, item.label)}
          >
            {strings.triage.seen}
          </button>
        )}
      </div>
    </li>
  );
}

/** Food at the pass taken to its table, from the feed: the same `order:advance` as the sheet's Delivered. */
function DeliverButton({ orderId, label }: { orderId: string; label: string }) {
  const commands = useCommands();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function deliver() {
    setBusy(true);
    setError(null);
    try {
      await commands.send("order:advance", { orderId, to: "DELIVERED" });
      announce(strings.announce.orderAdvanced.DELIVERED(label));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className="button primary small"
        disabled={busy || !commands.ready}
        onClick={deliver}
        aria-label={strings.triage.deliverLabel(label)}
      >
        {strings.order.advance.DELIVERED}
      </button>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </>
  );
}
