import { useRef } from "react";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { formatMoney } from "../lib/money";
import { useConnection } from "../realtime/use-connection";
import { strings } from "../strings";
import { CartView } from "./CartView";
import { MenuView } from "./MenuView";
import { OrdersView } from "./OrdersView";
import { useCart } from "./use-cart";
import { useCustomerLive, type CurrentSession, type EndReason } from "./use-customer-live";

interface Props {
  code: string;
  token: string;
  current: CurrentSession;
  onEnd: (reason: EndReason) => void;
}

/** The phone's page once joined: table orders, the menu, and the cart. */
export function CustomerPage({ code, token, current, onEnd }: Props) {
  const live = useCustomerLive(token, current, onEnd);
  const connection = useConnection(live.socket);
  const cart = useCart({ code, socket: live.socket, orderFromAck: live.orderFromAck, onOrder: live.onOrder, onClosed: () => onEnd("closed") });
  const cartHeading = useRef<HTMLHeadingElement>(null);
  const products = live.products ?? [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const total = cart.lines.reduce((sum, l) => sum + (byId.get(l.productId)?.priceCents ?? 0) * l.quantity, 0);
  const currency = current.location.currency;

  return (
    <div className="customer">
      <header className="topbar customer-bar">
        <div className="brand">
          <strong>{current.session.label}</strong>
          <span className="muted">{current.location.name}</span>
        </div>
        <ConnectionIndicator state={connection} />
      </header>
      {connection === "offline" && <p className="banner warn">{strings.customer.offlineBanner}</p>}
      {connection === "reconnecting" && <p className="banner warn">{strings.customer.reconnectingBanner}</p>}
      <main className="customer-main">
        <OrdersView orders={live.orders} me={current.customer.id} submission={cart.submission} products={byId} />
        <MenuView products={live.products} error={live.menuError} quantities={new Map(cart.lines.map((l) => [l.productId, l.quantity]))} onAdd={cart.add} locked={!!cart.submission} />
        <CartView
          headingRef={cartHeading}
          lines={cart.lines}
          products={byId}
          currency={currency}
          total={total}
          sending={!!cart.submission}
          waitingForConnection={connection !== "live"}
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
