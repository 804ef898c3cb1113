import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { Link } from "../components/Link";
import { LiveContext } from "../realtime/live-context";
import { strings } from "../strings";
import { AlertStrip } from "./AlertStrip";
import { PanelPage } from "./PanelPage";
import { ProductsPage } from "./ProductsPage";
import type { StaffAuth } from "./staff-auth";
import { TablesPage } from "./TablesPage";
import { useStaffLive } from "./use-staff-live";

/** The panel's pages: "sessions" is its home, the floor with the sessions under it. */
export type StaffPage = "sessions" | "tables" | "products";

/** Header, navigation and the live connection shared by the panel's pages. */
export function StaffShell({ auth, page, onLogout }: { auth: StaffAuth; page: StaffPage; onLogout: () => void }) {
  const staffLive = useStaffLive(auth.token, onLogout);
  const { staff } = auth;

  return (
    <div className="staff">
      <header className="topbar">
        <div className="brand">
          <strong>{strings.appName}</strong>
          <span className="muted">{staff.location.name}</span>
        </div>
        <nav aria-label={strings.panel.nav} className="nav">
          <Link href="/panel" aria-current={page === "sessions" ? "page" : undefined}>
            {strings.panel.floorLink}
          </Link>
          <Link href="/panel/tables" aria-current={page === "tables" ? "page" : undefined}>
            {strings.panel.tablesLink}
          </Link>
          <Link href="/panel/products" aria-current={page === "products" ? "page" : undefined}>
            {strings.panel.productsLink}
          </Link>
        </nav>
        <ConnectionIndicator state={staffLive.live.status} />
        <p className="whoami muted">{strings.panel.signedInAs(staff.displayName, staff.location.name)}</p>
        <button type="button" className="button ghost" onClick={onLogout}>
          {strings.panel.logout}
        </button>
      </header>
      {staffLive.error && (
        <p role="alert" className="error banner">
          {staffLive.error}
        </p>
      )}
      <LiveContext value={staffLive.live}>
        <AlertStrip state={staffLive.state} />
        {page === "sessions" ? (
          <PanelPage staffLive={staffLive} auth={auth} />
        ) : page === "tables" ? (
          <TablesPage staffLive={staffLive} auth={auth} />
        ) : (
          <ProductsPage auth={auth} />
        )}
      </LiveContext>
    </div>
  );
}
