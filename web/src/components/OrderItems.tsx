import type { OrderItemDto } from "@ordered/contract";
import { strings } from "../strings";

export function OrderItems({ items }: { items: OrderItemDto[] }) {
  return (
    <ul className="items">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never move; their position is their identity
        <li key={i}>
          <span className="qty">{strings.order.times(item.quantity)}</span> {item.productName}
          {item.note && (
            <span className="note">
              {" "}
              — {strings.order.note}: {item.note}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
