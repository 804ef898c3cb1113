import { LiveContext } from "../realtime/live-context";
import { TableScreen } from "./TableScreen";
import { type CurrentSession, type EndReason, useCustomerLive } from "./use-customer-live";

interface Props {
  code: string;
  token: string;
  current: CurrentSession;
  onEnd: (reason: EndReason) => void;
}

/** The phone's page once joined: its live connection, around the table's screen. */
export function CustomerPage({ code, token, current, onEnd }: Props) {
  const { live, orders } = useCustomerLive(token, current, onEnd);
  return (
    <LiveContext value={live}>
      <TableScreen code={code} token={token} current={current} orders={orders} onEnd={onEnd} />
    </LiveContext>
  );
}
