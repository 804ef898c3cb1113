import type { ProductDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import { DietBadges } from "./DietBadges";
import { fromPrice, isSoldOut, pricedByChoice } from "./menu-model";
import { ProductPhoto } from "./ProductPhoto";

interface Props {
  product: ProductDto;
  /** How many the cart holds, over all its lines. */
  inCart: number;
  /** false: it cannot be added now (outside its category's hours, an order being sent, the cart full). */
  addable: boolean;
  /** What in it goes against the guest's declared allergies or diets, in their words; null: nothing. */
  conflict: string | null;
  onAdd: () => void;
}

/** One dish: photo, name, description, diet tags and allergens, price and Add (sold out: greyed, no Add). */
export function MenuItem({ product: p, inCart, addable, conflict, onAdd }: Props) {
  const soldOut = isSoldOut(p);
  const hasOptions = p.optionGroups.length > 0;
  const price = formatMoney(fromPrice(p), p.currency);
  return (
    <li
      className={`menu-item${soldOut ? " sold-out" : ""}${conflict ? " conflicts" : ""}`}
      aria-label={p.name}
      data-conflict={conflict ? true : undefined}
    >
      <ProductPhoto product={p} variant="tile" />
      <div className="menu-body">
        <span className="menu-name">{p.name}</span>
        {p.description && <span className="menu-desc">{p.description}</span>}
        {conflict && (
          <p className="menu-conflict">
            <span aria-hidden="true">⚠ </span>
            {conflict}
          </p>
        )}
        <DietBadges product={p} />
        <div className="menu-foot">
          <span className="menu-price">{hasOptions && pricedByChoice(p) ? t("phoneMenu.from", { price }) : price}</span>
          {soldOut ? (
            <span className="badge status-sold-out">{t("customer.soldOut")}</span>
          ) : (
            <button
              type="button"
              className="button add"
              onClick={onAdd}
              disabled={!addable}
              aria-haspopup={hasOptions ? "dialog" : undefined}
            >
              {/* Named "Add Margherita · 2": the visible "Add · 2" stays in the name (WCAG 2.5.3). */}
              {t("customer.addShort")}
              <span className="visually-hidden"> {p.name}</span>
              {inCart > 0 && <span className="in-cart"> · {inCart}</span>}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
