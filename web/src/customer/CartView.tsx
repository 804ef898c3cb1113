import { chosenOptions, LIMITS, type MenuResponse, type ProductDto } from "@ordered/contract/client";
import type { ReactNode, RefObject } from "react";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";
import { atQuantityLimit, canAdd, isFull, isUnorderable, lineCents, shortOfStock, unorderableLines } from "./cart";
import type { CartLine } from "./customer-storage";
import { isSoldOut, lineProblem } from "./menu-model";
import { deltaText } from "./OptionsSheet";

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The confirmation of the order just placed, shown in place of the empty cart (where the guest tapped). */
  confirmation?: ReactNode;
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
  confirmation,
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
  // What the menu offers now (null while it loads: nothing is flagged until it is known).
  const offered = menu ? new Map(menu.products.map((p) => [p.id, p])) : null;
  const short = offered ? shortOfStock(lines, offered) : new Map<string, number>();
  const blocked = sending || !offered ? 0 : unorderableLines(lines, offered).length;
  return (
    <section aria-labelledby="cart-title" className="cart" id="cart">
      <h2 id="cart-title" ref={headingRef} tabIndex={-1}>
        {strings.customer.cart}
      </h2>
      {/* Always in the page, so what appears in it is announced. */}
      <div aria-live="polite" className="cart-confirmation">
        {lines.length === 0 && confirmation}
      </div>
      {lines.length === 0 && !confirmation && <p className="muted">{strings.customer.cartEmpty}</p>}
      {lines.length > 0 && (
        <ul className="cart-list">
          {lines.map((l) => {
            const p = products.get(l.productId);
            const options = p ? chosenOptions(p, l.options) : [];
            const name = strings.phoneMenu.lineLabel(
              p?.name ?? strings.customer.unknownProduct,
              options.map((o) => o.name),
            );
            // Gone or sold out: not counted, and the order waits until the guest removes it.
            const offeredNow = offered?.get(l.productId);
            const unorderable = offered !== null && isUnorderable(offeredNow);
            const problem = unorderable ? null : menu ? lineProblem(l, menu, now) : null;
            const limit = atQuantityLimit(l);
            return (
              <li
                key={l.id}
                className={`cart-line${problem ? " has-problem" : ""}${unorderable ? " unorderable" : ""}`}
                data-unorderable={unorderable || undefined}
              >
                <div className="cart-row">
                  <span className="cart-name">{p?.name ?? strings.customer.unknownProduct}</span>
                  {unorderable ? (
                    <span className="qty-value">{strings.customer.times(l.quantity)}</span>
                  ) : (
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
                        aria-describedby={limit ? `${l.id}-limit` : undefined}
                      >
                        {strings.customer.plus}
                      </button>
                    </fieldset>
                  )}
                  <span className="cart-price">
                    {unorderable ? <s>{formatMoney(p ? lineCents(l, p) : 0, currency)}</s> : formatMoney(p ? lineCents(l, p) : 0, currency)}
                  </span>
                </div>
                {unorderable && (
                  <div className="line-unorderable">
                    {offeredNow && <span className="badge status-sold-out">{strings.customer.soldOut}</span>}
                    <p className="line-problem">
                      {offeredNow && isSoldOut(offeredNow) ? strings.customer.lineSoldOut : strings.customer.lineGone}
                    </p>
                    <button
                      type="button"
                      className="button small danger"
                      disabled={sending}
                      onClick={() => onQuantity(l.id, 0)}
                      aria-label={strings.customer.remove(name)}
                    >
                      {strings.customer.removeLine}
                    </button>
                  </div>
                )}
                {/* A hint only (the menu's count may lag): the kitchen's answer is what counts. */}
                {short.has(l.productId) && !unorderable && (
                  <p className="line-problem">{strings.customer.onlyLeft(short.get(l.productId)!)}</p>
                )}
                {limit && !unorderable && (
                  <p className="line-limit" id={`${l.id}-limit`}>
                    {strings.customer.lineLimit(LIMITS.order.maxQuantity)}
                  </p>
                )}
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
                {!unorderable && (
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
                )}
              </li>
            );
          })}
        </ul>
      )}
      {isFull(lines) && <p className="line-limit">{strings.customer.cartLimit(LIMITS.order.maxLines)}</p>}
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
      {blocked > 0 && (
        <p className="error place-blocked" id="place-blocked">
          {strings.customer.placeBlocked(blocked)}
        </p>
      )}
      {lines.length > 0 && (
        <button
          type="button"
          className="button primary large place"
          disabled={sending || blocked > 0}
          aria-describedby={blocked > 0 ? "place-blocked" : undefined}
          onClick={onPlace}
        >
          {sending ? strings.customer.placing : strings.customer.place}
        </button>
      )}
      {sending && waitingForConnection && <p className="muted small hint">{strings.customer.sendingHint}</p>}
    </section>
  );
}
