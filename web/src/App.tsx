import { useEffect } from "react";
import { CenteredMessage } from "./components/CenteredMessage";
import { CustomerApp } from "./customer/CustomerApp";
import { KitchenApp } from "./kitchen/KitchenApp";
import { navigate, usePath } from "./router";
import { SetupPage } from "./staff/SetupPage";
import { StaffApp } from "./staff/StaffApp";
import { strings } from "./strings";

/** Routes: /panel, /panel/tables, /panel/tables/print and /panel/products (staff), /s/<joinCode> and /t/<cardCode> (customers); / goes to the panel. */
export function App() {
  const path = usePath();
  useEffect(() => {
    if (path === "/") navigate("/panel", { replace: true });
  }, [path]);

  const join = /^\/s\/([^/]+)\/?$/.exec(path);
  if (join) return <CustomerApp key={`s/${join[1]}`} entry={{ kind: "code", code: safeDecode(join[1]!) }} />;
  const card = /^\/t\/([^/]+)\/?$/.exec(path);
  if (card) return <CustomerApp key={`t/${card[1]}`} entry={{ kind: "card", code: safeDecode(card[1]!) }} />;
  if (path === "/" || path === "/panel" || path === "/panel/") return <StaffApp page="sessions" />;
  if (path === "/panel/products") return <StaffApp page="products" />;
  if (path === "/panel/tables" || path === "/panel/tables/") return <StaffApp page="tables" />;
  if (path === "/panel/tables/print") return <StaffApp page="cards" />;
  if (path === "/panel/staff" || path === "/panel/staff/") return <StaffApp page="staff" />;
  if (path === "/setup") return <SetupPage />;
  // One KitchenApp for both (no key): choosing a station keeps the login and the live connection.
  if (path === "/kitchen" || path === "/kitchen/") return <KitchenApp stationId={null} />;
  const kitchen = /^\/kitchen\/([^/]+)\/?$/.exec(path);
  if (kitchen) return <KitchenApp stationId={safeDecode(kitchen[1]!)} />;
  return (
    <CenteredMessage title={strings.common.notFoundTitle}>
      <p>{strings.common.notFoundBody}</p>
    </CenteredMessage>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // not a valid code either way; the join answers "not valid"
  }
}
