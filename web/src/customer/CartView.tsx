import { LIMITS, type ProductDto } from "@ordered/contract";
import type { RefObject } from "react";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";
import { canAdd } from "./cart";
import type { CartLine } from "./customer-storage";
import { isSoldOut } from "./MenuView";

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  lines: CartLine[];
  products: Map<string, ProductDto>;
  currency: string;
  total: number;
  sending: boolean;
  /** Sending while not connected: say so next to the button. */
  waitingForConnection: boolean;
  error: string | null;
  onQuantity: (productId: string, quantity: number) => void;
  onNote: (productId: string, note: string) => void;
  onPlace: () => void;
}

export function CartView({
  headingRef,
  lines,
  products,
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
            const name = p?.name ?? strings.customer.unknownProduct;
            return (
              <li key={l.productId} className={`cart-line${p && isSoldOut(p) ? " sold-out" : ""}`}>
                <div className="cart-row">
                  <span className="cart-name">{name}</span>
                  <fieldset className="stepper" aria-label={strings.customer.quantity(name)}>
                    <button
                      type="button"
                      className="button small"
                      disabled={sending}
                      onClick={() => onQuantity(l.productId, l.quantity - 1)}
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
                      disabled={sending || !canAdd(lines, l.productId)}
                      onClick={() => onQuantity(l.productId, l.quantity + 1)}
                      aria-label={strings.customer.increase(name)}
                    >
                      {strings.customer.plus}
                    </button>
                  </fieldset>
                  <span className="cart-price">{formatMoney((p?.priceCents ?? 0) * l.quantity, currency)}</span>
                </div>
                <label className="field note">
                  <span>{strings.customer.noteLabel(name)}</span>
                  <input
                    value={l.note}
                    onChange={(e) => onNote(l.productId, e.target.value)}
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
