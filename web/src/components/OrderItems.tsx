import { ALLERGENS, type OrderItemDto } from "@ordered/contract/client";
import type { ReactNode } from "react";
import { formatList, t } from "../i18n/i18n";
import { CorrectionTags, isVoided } from "./CorrectionTags";
import "./OrderItems.css";

interface Props {
  items: OrderItemDto[];
  /**
   * The lines' allergens ("Allergens: gluten, milk"), as the kitchen's ticket needs them;
   * the phone's own orders leave them out (the menu shows them).
   */
  showAllergens?: boolean;
  /** The order's currency, for a discount's amount; without it no correction is shown. */
  currency?: string;
  /** Staff see why and by whom a line was corrected; phones see only that it was. */
  showReasons?: boolean;
  /** What a line offers at its end (the panel: its corrections menu). */
  actions?: (item: OrderItemDto) => ReactNode;
  /**
   * Course names by id (the order's tickets'): given, an order with lines in two or more
   * courses shows them under a heading per course ("Starters", "Mains"), as the waiter serves them.
   */
  courseNames?: ReadonlyMap<string, string>;
}

/** An order's lines as a ticket: quantity and name, the chosen options, the note, and (for staff) the allergens. */
export function OrderItems({ courseNames, ...props }: Props) {
  const groups = courseNames ? byCourse(props.items, courseNames) : [];
  if (!courseNames || groups.length < 2) return <ItemList {...props} />;
  return (
    <div className="items-by-course">
      {groups.map((g) => (
        <div key={g.courseId ?? ""} className="item-course-group">
          <p className="item-course">{(g.courseId && courseNames.get(g.courseId)) || t("order.noCourse")}</p>
          <ItemList {...props} items={g.items} />
        </div>
      ))}
    </div>
  );
}

/**
 * Lines grouped by course, the courses in the order of `courseNames` (the order's tickets':
 * station, then the location's course order), others after as they first come; positions kept.
 */
function byCourse(
  items: readonly OrderItemDto[],
  courseNames: ReadonlyMap<string, string>,
): { courseId: string | null; items: OrderItemDto[] }[] {
  const groups = new Map<string | null, OrderItemDto[]>();
  for (const item of items) {
    const list = groups.get(item.courseId);
    if (list) list.push(item);
    else groups.set(item.courseId, [item]);
  }
  const order = [...courseNames.keys()];
  const rank = (id: string | null) => {
    const i = id === null ? -1 : order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...groups].map(([courseId, list]) => ({ courseId, items: list })).sort((a, b) => rank(a.courseId) - rank(b.courseId));
}

function ItemList({ items, showAllergens = true, currency, showReasons = true, actions }: Omit<Props, "courseNames">) {
  return (
    <ul className="items">
      {items.map((item, i) => {
        const allergens = showAllergens ? ALLERGENS.filter((a) => item.allergens.includes(a)) : [];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never move; their position is their identity
          <li key={i} className={isVoided(item) ? "item voided" : "item"} data-position={item.position}>
            <span className="item-main">
              <span className="qty">{t("order.times", { n: item.quantity })}</span> <span className="item-name">{item.productName}</span>
              {item.seat !== null && <span className="item-seat">{t("order.seat", { n: item.seat })}</span>}
              {currency && <CorrectionTags corrections={item.corrections} currency={currency} showReasons={showReasons} />}
              {actions?.(item)}
            </span>
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
