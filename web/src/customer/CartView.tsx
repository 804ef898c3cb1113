import {
  chosenOptions,
  conflictsOf,
  type Declared,
  hasConflicts,
  LIMITS,
  type MenuResponse,
  type ProductDto,
} from "@ordered/contract/client";
import type { ReactNode, RefObject } from "react";
import { formatList, t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import { conflictText } from "./AllergySheet";
import { atQuantityLimit, canAdd, isFull, isUnorderable, lineCents, shortOfStock, unorderableLines } from "./cart";
import type { CartLine } from "./customer-storage";
import { isSoldOut, lineProblem } from "./menu-model";
import { deltaText } from "./OptionsSheet";
import { minutesOf } from "./use-estimates";

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
  /** The guest's declared allergies and diets: a line against them needs their yes before the order goes. */
  declared: Declared | null;
  onConfirmAllergy: (lineId: string) => void;
  /** How long the cart would take if ordered now (seconds; issue 35), or null while unknown. */
  estimateSeconds?: number | null;
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
  declared,
  onConfirmAllergy,
  estimateSeconds = null,
}: Props) {
  // What the menu offers now (null while it loads: nothing is flagged until it is known).
  const offered = menu ? new Map(menu.products.map((p) => [p.id, p])) : null;
  const short = offered ? shortOfStock(lines, offered) : new Map<string, number>();
  const blocked = sending || !offered ? 0 : unorderableLines(lines, offered).length;
  // Lines against the guest's declaration they have not said yes to (added before they declared it).
  const conflictOf = (l: CartLine) => {
    const p = products.get(l.productId);
    const c = p ? conflictsOf(declared, p) : null;
    return c && hasConflicts(c) ? conflictText(c) : null;
  };
  const unconfirmed = sending ? 0 : lines.filter((l) => !l.allergyConfirmed && conflictOf(l)).length;
  return (
    <section aria-labelledby="cart-title" className="cart" id="cart">
      <h2 id="cart-title" ref={headingRef} tabIndex={-1}>
        {t("customer.cart")}
      </h2>
      {/* Always in the page, so what appears in it is announced. */}
      <div aria-live="polite" className="cart-confirmation">
        {lines.length === 0 && confirmation}
      </div>
      {lines.length === 0 && !confirmation && <p className="muted">{t("customer.cartEmpty")}</p>}
      {lines.length > 0 && (
        <ul className="cart-list">
          {lines.map((l) => {
            const p = products.get(l.productId);
            const options = p ? chosenOptions(p, l.options) : [];
            const productName = p?.name ?? t("customer.unknownProduct");
            const name = options.length
              ? t("phoneMenu.lineLabel", { name: productName, choices: formatList(options.map((o) => o.name)) })
              : productName;
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
                  <span className="cart-name">{p?.name ?? t("customer.unknownProduct")}</span>
                  {unorderable ? (
                    <span className="qty-value">{t("customer.times", { n: l.quantity })}</span>
                  ) : (
                    <fieldset className="stepper" aria-label={t("customer.quantity", { name })}>
                      <button
                        type="button"
                        className="button small"
                        disabled={sending}
                        onClick={() => onQuantity(l.id, l.quantity - 1)}
                        aria-label={l.quantity === 1 ? t("customer.remove", { name }) : t("customer.decrease", { name })}
                      >
                        {t("customer.minus")}
                      </button>
                      <span className="qty-value" aria-live="polite">
                        {l.quantity}
                      </span>
                      <button
                        type="button"
                        className="button small"
                        disabled={sending || !canAdd(lines, l)}
                        onClick={() => onQuantity(l.id, l.quantity + 1)}
                        aria-label={t("customer.increase", { name })}
                        aria-describedby={limit ? `${l.id}-limit` : undefined}
                      >
                        {t("customer.plus")}
                      </button>
                    </fieldset>
                  )}
                  <span className="cart-price">
                    {unorderable ? <s>{formatMoney(p ? lineCents(l, p) : 0, currency)}</s> : formatMoney(p ? lineCents(l, p) : 0, currency)}
                  </span>
                </div>
                {unorderable && (
                  <div className="line-unorderable">
                    {offeredNow && <span className="badge status-sold-out">{t("customer.soldOut")}</span>}
                    <p className="line-problem">
                      {offeredNow && isSoldOut(offeredNow) ? t("customer.lineSoldOut") : t("customer.lineGone")}
                    </p>
                    <button
                      type="button"
                      className="button small danger"
                      disabled={sending}
                      onClick={() => onQuantity(l.id, 0)}
                      aria-label={t("customer.remove", { name })}
                    >
                      {t("customer.removeLine")}
                    </button>
                  </div>
                )}
                {/* A hint only (the menu's count may lag): the kitchen's answer is what counts. */}
                {short.has(l.productId) && !unorderable && (
                  <p className="line-problem">{t("customer.onlyLeft", { n: short.get(l.productId)! })}</p>
                )}
                {limit && !unorderable && (
                  <p className="line-limit" id={`${l.id}-limit`}>
                    {t("customer.lineLimit", { max: LIMITS.order.maxQuantity })}
                  </p>
                )}
                {options.length > 0 && (
                  <ul className="line-options" aria-label={t("phoneMenu.choices")}>
                    {options.map((o) => (
                      <li key={`${o.group}/${o.name}`}>
                        {o.name}
                        {o.priceDeltaCents !== 0 && <span className="line-option-price"> {deltaText(o, currency)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {problem && <p className="line-problem">{problem}</p>}
                {conflictOf(l) && (
                  <div className="line-conflict" data-confirmed={l.allergyConfirmed || undefined}>
                    <p className="menu-conflict">
                      <span aria-hidden="true">⚠ </span>
                      {conflictOf(l)}
                    </p>
                    {l.allergyConfirmed ? (
                      <p className="muted small">{t("allergies.lineConfirmed")}</p>
                    ) : (
                      <button type="button" className="button small" disabled={sending} onClick={() => onConfirmAllergy(l.id)}>
                        {t("allergies.confirmYes")}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    )}
                  </div>
                )}
                {!unorderable && (
                  <label className="field note">
                    <span>{t("customer.noteLabel", { name })}</span>
                    <input
                      value={l.note}
                      onChange={(e) => onNote(l.id, e.target.value)}
                      placeholder={t("customer.notePlaceholder")}
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
      {isFull(lines) && <p className="line-limit">{t("customer.cartLimit", { max: LIMITS.order.maxLines })}</p>}
      {lines.length > 0 && (
        <div className="cart-total">
          <span>{t("customer.total")}</span>
          <strong>{formatMoney(total, currency)}</strong>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {t("customer.orderFailed", { message: error })}
        </p>
      )}
      {blocked > 0 && (
        <p className="error place-blocked" id="place-blocked">
          {t("customer.placeBlocked", { n: blocked })}
        </p>
      )}
      {lines.length > 0 && !sending && estimateSeconds !== null && (
        <p className="estimate cart-estimate" data-estimate={minutesOf(estimateSeconds)}>
          {t("estimate.cart", { n: minutesOf(estimateSeconds) })}
        </p>
      )}
      {unconfirmed > 0 && (
        <p className="error place-blocked" id="place-unconfirmed">
          {t("allergies.placeBlocked")}
        </p>
      )}
      {lines.length > 0 && (
        <button
          type="button"
          className="button primary large place"
          disabled={sending || blocked > 0 || unconfirmed > 0}
          aria-describedby={blocked > 0 ? "place-blocked" : unconfirmed > 0 ? "place-unconfirmed" : undefined}
          onClick={onPlace}
        >
          {sending ? t("customer.placing") : t("customer.place")}
        </button>
      )}
      {sending && waitingForConnection && <p className="muted small hint">{t("customer.sendingHint")}</p>}
    </section>
  );
}
