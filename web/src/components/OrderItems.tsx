import { ALLERGENS, type OrderItemDto } from "@ordered/contract/client";
import { formatList, t } from "../i18n/i18n";
import "./OrderItems.css";

interface Props {
  items: OrderItemDto[];
  /**
   * The lines' allergens ("Allergens: gluten, milk"), as the kitchen's ticket needs them;
   * the phone's own orders leave them out (the menu shows them).
   */
  showAllergens?: boolean;
}

/** An order's lines as a ticket: quantity and name, the chosen options, the note, and (for staff) the allergens. */
export function OrderItems({ items, showAllergens = true }: Props) {
  return (
    <ul className="items">
      {items.map((item, i) => {
        const allergens = showAllergens ? ALLERGENS.filter((a) => item.allergens.includes(a)) : [];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never move; their position is their identity
          <li key={i} className="item">
            <span className="qty">{t("order.times", { n: item.quantity })}</span> {item.productName}
            {item.options.length > 0 && (
              <span className="item-options">
                <span className="visually-hidden">{t("ticket.options")}: </span>
                {item.options.map((o) => o.name).join(" · ")}
              </span>
            )}
            {/* Staff moved it onto another table's bill: still made with this order, billed there. */}
            {item.movedTo && <span className="item-moved">{t("order.movedTo", { label: item.movedTo })}</span>}
            {item.note && (
              <span className="note">
                {t("order.note")}: {item.note}
              </span>
            )}
            {allergens.length > 0 && (
              <span className="item-allergens">
                {t("ticket.allergens", { names: formatList(allergens.map((a) => t(`allergens.${a}`).toLowerCase())) })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
