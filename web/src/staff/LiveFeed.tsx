import { OrderItems } from "../components/OrderItems";
import { OrderStatusBadge } from "../components/OrderStatusBadge";
import { formatMoney, formatTime } from "../lib/money";
import { strings } from "../strings";
import type { FeedItem } from "./staff-sessions";

/** New orders across the location, newest first; each flashes when it arrives. */
export function LiveFeed({ feed, currency }: { feed: FeedItem[]; currency: string }) {
  return (
    <aside className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{strings.panel.feedTitle}</h2>
      {feed.length === 0 ? (
        <p className="muted small">{strings.panel.feedEmpty}</p>
      ) : (
        <ol className="feed-list" aria-live="polite">
          {feed.map((f) => (
            <li key={f.order.id} className="feed-item flash">
              <div className="order-head">
                <strong>{strings.panel.feedItem(f.sessionLabel)}</strong>
                <OrderStatusBadge order={f.order} />
                <span className="muted small">{formatTime(f.order.placedAt)}</span>
              </div>
              <OrderItems items={f.order.items} />
              <span className="total small">{formatMoney(f.order.totalCents, f.order.currency || currency)}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
