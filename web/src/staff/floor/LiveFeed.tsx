import { ticketUrgency } from "@ordered/contract/client";
import { OrderItems } from "../../components/OrderItems";
import { OrderStatusBadge } from "../../components/OrderStatusBadge";
import { formatAge } from "../../lib/age";
import { formatTime } from "../../lib/money";
import { customersOf } from "../../realtime/live-state";
import { strings } from "../../strings";
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
}

/**
 * The feed of what needs someone to act: new orders, orders ready to deliver, waiter calls,
 * bill requests and card-joined phones waiting to be accepted at open sessions, newest first. Finished things leave by themselves;
 * "Seen" takes an item off this device's feed. New items are announced (aria-live), ticking
 * ages are not.
 */
export function LiveFeed({ items, state, now, thresholds, onSeen }: Props) {
  return (
    <aside className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">
        {strings.triage.feedTitle} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 && <p className="muted small">{strings.triage.feedEmpty}</p>}
      {/* Always rendered, so the first item is announced as an addition to a live region. */}
      <ol className="feed-list" aria-live="polite" aria-relevant="additions">
        {items.map((item) => (
          <FeedEntry key={item.key} item={item} state={state} now={now} thresholds={thresholds} onSeen={onSeen} />
        ))}
      </ol>
    </aside>
  );
}

function FeedEntry({ item, state, now, thresholds, onSeen }: { item: ActionItem } & Omit<Props, "items">) {
  const what = strings.triage.kind[item.kind];
  const waitedMs = Math.max(0, now - Date.parse(item.since));
  const names = phoneNames(customersOf(state, item.sessionId));
  const who = item.alert
    ? nameOf(names, item.alert.customerId, item.alert.customerName)
    : item.customer
      ? nameOf(names, item.customer.id, item.customer.displayName)
      : item.order?.customerName;
  return (
    // "Seen" comes last for screen readers (after what it dismisses); CSS puts it top right.
    <li className={`feed-item flash feed-${item.kind}`} aria-label={`${what}: ${item.label}`}>
      <div className="feed-head">
        <span className="feed-kind">{what}</span>
        <strong>{item.label}</strong>
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
      {item.order && <OrderItems items={item.order.items} />}
      <button
        type="button"
        className="button ghost small feed-seen"
        onClick={() => onSeen(item.key)}
        aria-label={strings.triage.seenLabel(what, item.label)}
      >
        {strings.triage.seen}
      </button>
    </li>
  );
}
