import { ALLERGENS } from "@ordered/contract/client";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import type { PadProduct } from "./pad-model";

/** The products as big targets: name, price, allergens; a sold-out or not-yet-served one disabled with the reason. */
export function ProductGrid({ items, currency, onPick }: { items: PadProduct[]; currency: string; onPick: (p: PadProduct) => void }) {
  return (
    <ul className="pad-grid">
      {items.map((item) => {
        const { product, unavailable } = item;
        const allergens = ALLERGENS.filter((a) => product.allergens.includes(a));
        return (
          <li key={product.id}>
            <button
              type="button"
              className="pad-product"
              disabled={unavailable !== null}
              onClick={() => onPick(item)}
              aria-describedby={unavailable ? `pad-why-${product.id}` : undefined}
            >
              <span className="pad-product-name">{product.name}</span>
              <span className="pad-product-price">
                {formatMoney(product.priceCents, currency)}
                {product.optionGroups.length > 0 && <span className="pad-product-more"> · {strings.pad.withOptions}</span>}
              </span>
              {allergens.length > 0 && (
                <span className="pad-product-allergens">{allergens.map((a) => t(`allergens.${a}`).split(" (")[0]).join(", ")}</span>
              )}
              {unavailable && (
                <span id={`pad-why-${product.id}`} className="pad-product-why">
                  {unavailable}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
