import { chosenOptions, LIMITS, type MenuResponse, type ProductDto } from "@ordered/contract";
import type { RefObject } from "react";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";
import { canAdd, lineCents } from "./cart";
import type { CartLine } from "./customer-storage";
import { lineProblem } from "./menu-model";
import { deltaText } from "./OptionsSheet";

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  lines: CartLine[];
  /** Every product this phone has seen on the menu, also ones since taken off it (to name the line). */
  products: Map<string, ProductDto>;
  /** The menu now (null while loading): what says a line would be refused. */
  menu: MenuResponse | null;
  now: number;
  currency: string;
  total: number;
  sending: boolean;
  /** Sending while not connected: say so next to the button. */
  waitingForConnection: boolean;
  error: string | null;
  onQuantity: (lineId: string, quantity: number) => void;
  onNote: (lineId: string, note: string) => void;
  onPlace: () => void;
}

/** The cart: a line per product and choice, with its options and their prices, its note and quantity; the total; Place order. */
export function CartView({
  headingRef,
  lines,
  products,
  menu,
  now,
  currency,
  total,
  sending,
  waitingForConnection,
  error,
  onQuantity,
  onNote,
  onPlace,
}: Props) {
  return (
    <section aria-labelledby="cart-title" className="cart">
      <h2 id="cart-title" ref={headingRef} tabIndex={-1}>
        {strings.customer.cart}
      </h2>
      {lines.length === 0 ? (
        <p className="muted">{strings.customer.cartEmpty}</p>
      ) : (
        <ul className="cart-list">
          {lines.map((l) => {
            const p = products.get(l.productId);
            const options = p ? chosenOptions(p, l.options) : [];
            const name = strings.phoneMenu.lineLabel(
              p?.name ?? strings.customer.unknownProduct,
              options.map((o) => o.name),
            );
            const problem = menu ? lineProblem(l, menu, now) : null;
            return (
              <li key={l.id} className={`cart-line${problem ? " has-problem" : ""}`}>
                <div className="cart-row">
                  <span className="cart-name">{p?.name ?? strings.customer.unknownProduct}</span>
                  <fieldset className="stepper" aria-label={strings.customer.quantity(name)}>
                    <button
                      type="button"
                      className="button small"
                      disabled={sending}
                      onClick={() => onQuantity(l.id, l.quantity - 1)}
                      aria-label={l.quantity === 1 ? strings.customer.remove(name) : strings.customer.decrease(name)}
                    >
                      {strings.customer.minus}
                    </button>
                    <span className="qty-value" aria-live="polite">
                      {l.quantity}
                    </span>
                    <button
                      type="button"
                      className="button small"
                      disabled={sending || !canAdd(lines, l)}
                      onClick={() => onQuantity(l.id, l.quantity + 1)}
                      aria-label={strings.customer.increase(name)}
                    >
                      {strings.customer.plus}
                    </button>
                  </fieldset>
                  <span className="cart-price">{formatMoney(p ? lineCents(l, p) : 0, currency)}</span>
                </div>
                {options.length > 0 && (
                  <ul className="line-options" aria-label={strings.phoneMenu.choices}>
                    {options.map((o) => (
                      <li key={`${o.group}/${o.name}`}>
                        {o.name}
                        {o.priceDeltaCents !== 0 && <span className="line-option-price"> {deltaText(o, currency)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {problem && <p className="line-problem">{problem}</p>}
                <label className="field note">
                  <span>{strings.customer.noteLabel(name)}</span>
                  <input
                    value={l.note}
                    onChange={(e) => onNote(l.id, e.target.value)}
                    placeholder={strings.customer.notePlaceholder}
                    maxLength={LIMITS.order.noteLength}
                    disabled={sending}
                  />
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {lines.length > 0 && (
        <div className="cart-total">
          <span>{strings.customer.total}</span>
          <strong>{formatMoney(total, currency)}</strong>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {strings.customer.orderFailed(error)}
        </p>
      )}
      {lines.length > 0 && (
        <button type="button" className="button primary large place" disabled={sending} onClick={onPlace}>
          {sending ? strings.customer.placing : strings.customer.place}
        </button>
      )}
      {sending && waitingForConnection && <p className="muted small hint">{strings.customer.sendingHint}</p>}
    </section>
  );
}
