import {
  type AlertDto,
  type BillClaimDto,
  billOf,
  type CorrectionDto,
  type CustomerDto,
  isDeclared,
  localizeMenu,
  type OrderDto,
  type PaymentDto,
  type PresenceState,
  type ProductDto,
  unitPriceOf,
} from "@ordered/contract/client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api } from "../api/http";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { t, useLanguage } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import { useLive } from "../realtime/live-context";
import { useMenu } from "../realtime/use-products";
import { useNow } from "../staff/use-now";
import { BillView } from "./BillView";
import { CallButtons } from "./CallButtons";
import { CartView } from "./CartView";
import { cartTotal, linesOfOrder, quantityOf } from "./cart";
import { LanguageSwitch } from "./LanguageSwitch";
import { MenuView } from "./MenuView";
import { loadMenu, takeSeededMenu } from "./menu-loader";
import { OrdersView, orderAnchor } from "./OrdersView";
import { PayOnPhone } from "./PayOnPhone";
import { PhoneTabs, panelId, tabId } from "./PhoneTabs";
import { confirmsOrder, PlacedConfirmation } from "./PlacedConfirmation";
import { PresenceCheck } from "./PresenceCheck";
import { paymentReturn, shareToPay } from "./pay-on-phone";
import { endReasonOf } from "./phone-flow";
import { RefusedNotice } from "./RefusedNotice";
import { useRefusedOrders } from "./refused-orders";
import { SplitByItem } from "./SplitByItem";
import { phoneSplit, tablePhones } from "./split-names";
import { useAllergies } from "./use-allergies";
import { useCart } from "./use-cart";
import type { CurrentSession, OnEnd } from "./use-customer-live";
import { ordersKey, useCartEstimate, useOrderEstimates } from "./use-estimates";
import { useInView } from "./use-in-view";
import { useMenuFilter } from "./use-menu-filter";
import { brandProps, VenueCover, VenueLogo } from "./VenueBrand";

interface Props {
  storageKey: string;
  token: string;
  current: CurrentSession;
  /** The table's name, live (it changes when staff move the party). */
  label: string;
  orders: OrderDto[];
  payments: PaymentDto[];
  /** The bill's discounts (a line's corrections ride on its order). */
  discounts: CorrectionDto[];
  alerts: AlertDto[];
  customers: CustomerDto[];
  /** Who pays which bill lines (split by item), live. */
  claims: BillClaimDto[];
  /** Said once on top of the page (staff moved this phone to another table's session). */
  notice?: string | undefined;
  onEnd: OnEnd;
}

type View = "order" | "bill";

/** The table's orders, the menu and the cart; the running bill; calls to staff. */
export function TableScreen({
  storageKey,
  token,
  current,
  label,
  orders,
  payments,
  discounts,
  alerts,
  customers,
  claims,
  notice,
  onEnd,
}: Props) {
  const { status } = useLive();
  // Back from the payment provider's page: the bill, where the payment's outcome shows.
  const [view, setView] = useState<View>(() => (paymentReturn(location.search) ? "bill" : "order"));
  const load = useCallback(() => loadMenu(token), [token]);
  const [seeded] = useState(() => takeSeededMenu(token));
  const menu = useMenu(load, seeded);
  // The menu in the phone's language (its translations, else English, else the venue's own words).
  const language = useLanguage();
  const shownMenu = useMemo(() => (menu.menu ? localizeMenu(menu.menu, language) : null), [menu.menu, language]);
  const me = current.customer.id;
  // Whether this phone may order yet: from the join (or the reload), then its own
  // `customer:verified` event, or what the server answers after a refusal.
  const [presence, setPresence] = useState<PresenceState>(current.customer.presence);
  const verifiedLive = customers.some((c) => c.id === me && c.verifiedAt !== null);
  const mustProve = verifiedLive || presence === "VERIFIED" ? null : presence;
  const [justVerified, setJustVerified] = useState(false);
  const wasUnverified = useRef(mustProve !== null);
  useEffect(() => {
    if (mustProve === null && wasUnverified.current) setJustVerified(true);
    wasUnverified.current = mustProve !== null;
  }, [mustProve]);
  const pinInput = useRef<HTMLInputElement>(null);
  const [askPresence, setAskPresence] = useState(0);
  useEffect(() => {
    if (!askPresence) return;
    pinInput.current?.focus({ preventScroll: true });
    pinInput.current?.closest("section")?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [askPresence]);
  const cart = useCart({
    storageKey,
    orders,
    onEnd,
    onPriceChanged: menu.reload,
    onPresenceRequired: () => {
      // The venue may have changed how it checks phones since this phone joined: ask what now.
      void api("GET /api/sessions/current", { token })
        .then((c) => setPresence(c.customer.presence === "VERIFIED" ? "PIN" : c.customer.presence))
        .catch(() => setPresence((p) => (p === "VERIFIED" ? "PIN" : p)))
        .finally(() => setAskPresence((n) => n + 1));
    },
  });
  const [filter, setFilter] = useMenuFilter();
  const allergies = useAllergies(token, current.allergies);
  const estimates = useOrderEstimates(token, orders);
  const declared = isDeclared(allergies.declared) ? allergies.declared : null;
  const now = useNow();
  // Every product seen on this phone, also ones taken off the menu since: the cart still names them.
  const seen = useRef(new Map<string, ProductDto>());
  const cartHeading = useRef<HTMLHeadingElement>(null);
  const cartInView = useInView("cart", view === "order");
  // After "Put back in cart" (maybe from the bill tab): the cart, once it is on screen again.
  const [showCart, setShowCart] = useState(0);
  useEffect(() => {
    if (!showCart) return;
    cartHeading.current?.focus({ preventScroll: true });
    cartHeading.current?.scrollIntoView({ block: "start" });
  }, [showCart]);

  const end = useRef(onEnd);
  end.current = onEnd;
  const menuFailure = menu.error instanceof ApiError ? menu.error.code : null;
  useEffect(() => {
    const reason = menuFailure ? endReasonOf(menuFailure) : null;
    if (reason) end.current(reason);
  }, [menuFailure]);

  const currency = current.location.currency;
  const bill = useMemo(
    () =>
      billOf({
        currency,
        orders,
        payments,
        customers: [...customers, { id: me, displayName: current.customer.displayName }],
        corrections: discounts,
        serviceChargeBps: current.session.serviceChargeBps,
        pricesIncludeTax: current.session.pricesIncludeTax,
      }),
    [
      currency,
      orders,
      payments,
      customers,
      me,
      current.customer.displayName,
      discounts,
      current.session.serviceChargeBps,
      current.session.pricesIncludeTax,
    ],
  );

  const phones = useMemo(() => tablePhones(current, customers), [current, customers]);
  const split = useMemo(() => phoneSplit(bill, claims, payments, me, phones), [bill, claims, payments, me, phones]);
  const myShare = claims.length > 0 ? split.payers.find((p) => p.payer === `phone:${me}`) : undefined;

  const { refused, dismiss } = useRefusedOrders(storageKey, orders, me);
  const placedIndex = cart.placed ? orders.findIndex((o) => o.clientOrderId === cart.placed) : -1;
  // Refused meanwhile: no confirmation (the refusal notice tells it), the cart is just empty.
  const placedOrder = placedIndex >= 0 && confirmsOrder(orders[placedIndex]!) ? orders[placedIndex] : undefined;
  const focusedPlaced = useRef<string | null>(null);

  for (const p of shownMenu?.products ?? []) seen.current.set(p.id, p);
  const byId = seen.current;
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const cartEstimate = useCartEstimate(token, cart.lines, ordersKey(orders));
  const total = cartTotal(cart.lines, new Map((shownMenu?.products ?? []).map((p) => [p.id, p])));
  const menuError = menu.error ? (menu.error instanceof Error ? menu.error.message : String(menu.error)) : null;

  return (
    <div {...brandProps("customer table-screen", current.location.brandColor)}>
      {/* Every part of the page is in a landmark (axe "region"): the table's bar and the Order/Bill tabs are its banner. */}
      <header className="customer-head">
        <div className="topbar customer-bar">
          <VenueLogo location={current.location} />
          <div className="brand">
            <h1 className="customer-bar-title">
              <strong>{label}</strong>
            </h1>
            <span className="muted">{current.location.name}</span>
          </div>
          <LanguageSwitch />
          <ConnectionIndicator state={status} />
        </div>
        <PhoneTabs
          label={t("phoneBill.views")}
          tabs={[
            { key: "order", label: t("phoneBill.orderTab") },
            { key: "bill", label: t("phoneBill.billTab", { total: formatMoney(bill.totalCents, currency) }) },
          ]}
          selected={view}
          onSelect={setView}
        />
      </header>
      <main className="customer-body">
        {notice && (
          <p aria-live="polite" className="moved-notice">
            {notice}
          </p>
        )}
        {status === "offline" && <p className="banner warn">{t("customer.offlineBanner")}</p>}
        {status === "reconnecting" && <p className="banner warn">{t("customer.reconnectingBanner")}</p>}
        <div className="customer-main">
          <CallButtons me={me} alerts={alerts} onEnd={onEnd} />
          {view === "bill" ? (
            <div role="tabpanel" id={panelId("bill")} aria-labelledby={tabId("bill")} className="phone-panel">
              <BillView bill={bill} me={me} share={myShare ?? (claims.length > 0 ? { totalCents: 0, paidCents: 0 } : undefined)} />
              <SplitByItem bill={bill} claims={claims} payments={payments} me={me} phones={phones} />
              {current.location.onlinePayments && (
                <PayOnPhone token={token} bill={bill} payments={payments} shareCents={shareToPay(bill, me, myShare, claims.length > 0)} />
              )}
            </div>
          ) : (
            <div role="tabpanel" id={panelId("order")} aria-labelledby={tabId("order")} className="phone-panel">
              <OrdersView orders={orders} me={me} submission={cart.submission} products={byId} estimates={estimates} />
              <VenueCover location={current.location} />
              <MenuView
                menu={shownMenu}
                error={menuError}
                now={now}
                filter={filter}
                onFilter={setFilter}
                quantities={new Map(cart.lines.map((l) => [l.productId, quantityOf(cart.lines, l.productId)]))}
                canAdd={cart.canAdd}
                onAdd={cart.add}
                locked={!!cart.submission}
                declared={declared}
                onDeclare={(d) => allergies.save({ allergens: [...d.allergens], diets: [...d.diets], note: d.note })}
              />
              {mustProve && <PresenceCheck token={token} presence={mustProve} onPresence={setPresence} inputRef={pinInput} />}
              {justVerified && !cart.placed && (
                <p aria-live="polite" className="presence-ok">
                  {t("presence.accepted")}
                </p>
              )}
              <CartView
                headingRef={cartHeading}
                confirmation={
                  placedOrder && (
                    <PlacedConfirmation
                      key={placedOrder.id}
                      order={placedOrder}
                      number={placedIndex + 1}
                      takeFocus={focusedPlaced.current !== placedOrder.id}
                      onFocused={() => {
                        focusedPlaced.current = placedOrder.id;
                      }}
                      onSeeOrder={() => {
                        const card = document.getElementById(orderAnchor(placedOrder.id));
                        card?.focus({ preventScroll: true });
                        card?.scrollIntoView({ block: "start", behavior: "smooth" });
                      }}
                      onOrderMore={() => {
                        cart.dismissPlaced();
                        document.getElementById("menu-title")?.scrollIntoView({ block: "start", behavior: "smooth" });
                      }}
                    />
                  )
                }
                lines={cart.lines}
                products={byId}
                menu={shownMenu}
                now={now}
                currency={currency}
                total={total}
                sending={!!cart.submission}
                waitingForConnection={status !== "live"}
                error={cart.error}
                onQuantity={cart.setQuantity}
                onNote={cart.setNote}
                declared={declared}
                onConfirmAllergy={cart.confirmAllergy}
                estimateSeconds={cartEstimate}
                onPlace={() =>
                  cart.place((l) => {
                    const p = byId.get(l.productId);
                    return p ? unitPriceOf(p, l.options) : undefined;
                  })
                }
              />
            </div>
          )}
        </div>
        {/* In the flow at the page's end and sticky: it never covers the end of the page (Place order, its errors). */}
        <div className="phone-dock">
          {refused[0] ? (
            <RefusedNotice
              key={refused[0].order.id}
              refused={refused[0]}
              products={byId}
              onDismiss={() => dismiss(refused[0]!.order.id)}
              onPutBack={() => {
                const { order } = refused[0]!;
                // The order names its choices as the venue wrote them: matched against the menu's own words.
                cart.putBack(linesOfOrder(order, new Map([...byId, ...(menu.menu?.products ?? []).map((p) => [p.id, p] as const)])));
                dismiss(order.id);
                setView("order");
                setShowCart((n) => n + 1);
              }}
            />
          ) : (
            view === "order" &&
            count > 0 &&
            !cart.submission &&
            !cartInView && (
              <div className="cart-bar">
                <button
                  type="button"
                  className="button primary large"
                  onClick={() => {
                    cartHeading.current?.scrollIntoView({ behavior: "smooth" });
                    cartHeading.current?.focus({ preventScroll: true });
                  }}
                >
                  {t("customer.viewCart", { n: count, total: formatMoney(total, currency) })}
                </button>
              </div>
            )
          )}
        </div>
      </main>
    </div>
  );
}
