import type { OrderDto, ProductListResponse } from "@ordered/contract";
import { useCallback, useEffect, useRef } from "react";
import { ApiError, api } from "../api/http";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { formatMoney } from "../lib/money";
import { useLive } from "../realtime/live-context";
import { useProducts } from "../realtime/use-products";
import { strings } from "../strings";
import { CartView } from "./CartView";
import { MenuView } from "./MenuView";
import { OrdersView } from "./OrdersView";
import { useCart } from "./use-cart";
import type { CurrentSession, EndReason } from "./use-customer-live";

interface Props {
  code: string;
  token: string;
  current: CurrentSession;
  orders: OrderDto[];
  onEnd: (reason: EndReason) => void;
}

/** The table's orders, the menu, and the cart. */
export function TableScreen({ code, token, current, orders, onEnd }: Props) {
  const { status } = useLive();
  const loadMenu = useCallback(() => api<ProductListResponse>("/menu", { token }).then((res) => res.products), [token]);
  const menu = useProducts(loadMenu);
  const cart = useCart({ code, orders, onClosed: () => onEnd("closed") });
  const cartHeading = useRef<HTMLHeadingElement>(null);

  const end = useRef(onEnd);
  end.current = onEnd;
  const menuFailure = menu.error instanceof ApiError ? menu.error.code : null;
  useEffect(() => {
    if (menuFailure === "SESSION_CLOSED") end.current("closed");
    else if (menuFailure === "UNAUTHENTICATED") end.current("unauthenticated");
  }, [menuFailure]);

  const products = menu.products ?? [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const total = cart.lines.reduce((sum, l) => sum + (byId.get(l.productId)?.priceCents ?? 0) * l.quantity, 0);
  const currency = current.location.currency;
  const menuError = menu.error ? (menu.error instanceof Error ? menu.error.message : String(menu.error)) : null;

  return (
    <div className="customer">
      <header className="topbar customer-bar">
        <div className="brand">
          <strong>{current.session.label}</strong>
          <span className="muted">{current.location.name}</span>
        </div>
        <ConnectionIndicator state={status} />
      </header>
      {status === "offline" && <p className="banner warn">{strings.customer.offlineBanner}</p>}
      {status === "reconnecting" && <p className="banner warn">{strings.customer.reconnectingBanner}</p>}
      <main className="customer-main">
        <OrdersView orders={orders} me={current.customer.id} submission={cart.submission} products={byId} />
        <MenuView
          products={menu.products}
          error={menuError}
          quantities={new Map(cart.lines.map((l) => [l.productId, l.quantity]))}
          canAdd={cart.canAdd}
          onAdd={cart.add}
          locked={!!cart.submission}
        />
        <CartView
          headingRef={cartHeading}
          lines={cart.lines}
          products={byId}
          currency={currency}
          total={total}
          sending={!!cart.submission}
          waitingForConnection={status !== "live"}
          error={cart.error}
          onQuantity={cart.setQuantity}
          onNote={cart.setNote}
          onPlace={cart.place}
        />
      </main>
      {count > 0 && !cart.submission && (
        <footer className="cart-bar">
          <button
            type="button"
            className="button primary large"
            onClick={() => {
              cartHeading.current?.scrollIntoView({ behavior: "smooth" });
              cartHeading.current?.focus();
            }}
          >
            {strings.customer.viewCart(count, formatMoney(total, currency))}
          </button>
        </footer>
      )}
    </div>
  );
}
