import { LiveContext } from "../realtime/live-context";
import { TableScreen } from "./TableScreen";
import { type CurrentSession, type OnEnd, useCustomerLive } from "./use-customer-live";

interface Props {
  /** Where this phone keeps its cart (customer-storage's entryKey). */
  storageKey: string;
  token: string;
  current: CurrentSession;
  /** Said once on top of the page (staff moved this phone to another table's session). */
  notice?: string | undefined;
  onEnd: OnEnd;
}

/** The phone's page once joined: its live connection, around the table's screen. */
export function CustomerPage({ storageKey, token, current, notice, onEnd }: Props) {
  const { live, orders, payments, alerts, customers, claims, discounts, label } = useCustomerLive(storageKey, token, current, onEnd);
  return (
    <LiveContext value={live}>
      <TableScreen
        storageKey={storageKey}
        token={token}
        current={current}
        label={label}
        orders={orders}
        payments={payments}
        discounts={discounts}
        alerts={alerts}
        customers={customers}
        claims={claims}
        notice={notice}
        onEnd={onEnd}
      />
    </LiveContext>
  );
}
