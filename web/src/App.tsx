import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { CenteredMessage } from "./components/CenteredMessage";
import { CustomerApp } from "./customer/CustomerApp";
import { t } from "./i18n/i18n";
import { navigate, usePath } from "./router";

// A guest's phone loads only the guest app: the staff panel, the kitchen display and the
// setup page are separate chunks, fetched the first time one of their routes is opened.
const StaffApp = lazy(() => import("./staff/StaffApp").then((m) => ({ default: m.StaffApp })));
const KitchenApp = lazy(() => import("./kitchen/KitchenApp").then((m) => ({ default: m.KitchenApp })));
const SetupPage = lazy(() => import("./staff/accounts/SetupPage").then((m) => ({ default: m.SetupPage })));

/** Routes: /panel, /panel/tables, /panel/tables/print, /panel/products, /panel/translations, /panel/staff, /panel/reports and /panel/settings (staff), /s/<joinCode> and /t/<cardCode> (customers); / goes to the panel. */
export function App() {
  const path = usePath();
  useEffect(() => {
    if (path === "/") navigate("/panel", { replace: true });
  }, [path]);
  return <Suspense fallback={<Loading />}>{route(path)}</Suspense>;
}

function route(path: string): ReactNode {
  const join = /^\/s\/([^/]+)\/?$/.exec(path);
  if (join) return <CustomerApp key={`s/${join[1]}`} entry={{ kind: "code", code: safeDecode(join[1]!) }} />;
  const card = /^\/t\/([^/]+)\/?$/.exec(path);
  if (card) return <CustomerApp key={`t/${card[1]}`} entry={{ kind: "card", code: safeDecode(card[1]!) }} />;
  if (path === "/" || path === "/panel" || path === "/panel/") return <StaffApp page="sessions" />;
  if (path === "/panel/products") return <StaffApp page="products" />;
  if (path === "/panel/translations" || path === "/panel/translations/") return <StaffApp page="translations" />;
  if (path === "/panel/tables" || path === "/panel/tables/") return <StaffApp page="tables" />;
  if (path === "/panel/tables/print") return <StaffApp page="cards" />;
  if (path === "/panel/staff" || path === "/panel/staff/") return <StaffApp page="staff" />;
  if (path === "/panel/settings" || path === "/panel/settings/") return <StaffApp page="settings" />;
  if (path === "/panel/reports" || path === "/panel/reports/") return <StaffApp page="reports" />;
  if (path === "/setup") return <SetupPage />;
  // One KitchenApp for both (no key): choosing a station keeps the login and the live connection.
  if (path === "/kitchen" || path === "/kitchen/") return <KitchenApp stationId={null} />;
  const kitchen = /^\/kitchen\/([^/]+)\/?$/.exec(path);
  if (kitchen) return <KitchenApp stationId={safeDecode(kitchen[1]!)} />;
  return (
    <CenteredMessage title={t("common.notFoundTitle")}>
      <p>{t("common.notFoundBody")}</p>
    </CenteredMessage>
  );
}

function Loading() {
  return <CenteredMessage title={t("common.loading")} />;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // not a valid code either way; the join answers "not valid"
  }
}
