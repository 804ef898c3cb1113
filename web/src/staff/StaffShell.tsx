import { Link } from "../components/Link";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { useConnection } from "../realtime/use-connection";
import { strings } from "../strings";
import type { StaffAuth } from "./staff-auth";
import { PanelPage } from "./PanelPage";
import { ProductsPage } from "./ProductsPage";
import { useStaffLive } from "./use-staff-live";

/** Header, navigation and the live connection shared by the panel's pages. */
export function StaffShell({ auth, page, onLogout }: { auth: StaffAuth; page: "sessions" | "products"; onLogout: () => void }) {
  const live = useStaffLive(auth.token, onLogout);
  const connection = useConnection(live.socket);
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
            {strings.panel.sessionsLink}
          </Link>
          <Link href="/panel/products" aria-current={page === "products" ? "page" : undefined}>
            {strings.panel.productsLink}
          </Link>
        </nav>
        <ConnectionIndicator state={connection} />
        <p className="whoami muted">{strings.panel.signedInAs(staff.displayName, staff.location.name)}</p>
        <button type="button" className="button ghost" onClick={onLogout}>
          {strings.panel.logout}
        </button>
      </header>
      {live.error && (
        <p role="alert" className="error banner">
          {live.error}
        </p>
      )}
      {page === "sessions" ? <PanelPage live={live} auth={auth} /> : <ProductsPage auth={auth} socket={live.socket} />}
    </div>
  );
}
