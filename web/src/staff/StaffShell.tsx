import type { LocationDto } from "@ordered/contract/client";
import { lazy, Suspense, useRef, useState } from "react";
import { Announcer } from "../components/Announcer";
import { type StaffAuth, staffAuthStore } from "../components/auth/staff-auth";
import { ConnectionIndicator } from "../components/ConnectionIndicator";
import { Link } from "../components/Link";
import { PrinterAlerts } from "../components/PrinterAlerts";
import { LiveContext } from "../realtime/live-context";
import { strings } from "../strings";
import { ChangePasswordDialog } from "./accounts/ChangePasswordDialog";
import { StaffPage as StaffAccountsPage } from "./accounts/StaffPage";
import { canSeePage } from "./accounts/staff-accounts";
import { PanelPage } from "./floor/PanelPage";
import { ProductsPage } from "./menu/ProductsPage";
import { TranslationsPage } from "./menu/TranslationsPage";
import { NotAllowed } from "./NotAllowed";
import { OfflineBanner } from "./OfflineBanner";
import { AlertStrip } from "./sessions/AlertStrip";
import { SettingsPage } from "./settings/SettingsPage";
import { TablesPage } from "./tables/TablesPage";
import { useStaffLive } from "./use-staff-live";

// The reports page is a chunk of its own (its strings in five languages, and uPlot inside it):
// fetched when a manager opens it, never with the rest of the panel.
const ReportsPage = lazy(() => import("./reports/ReportsPage"));

/** The panel's pages: "sessions" is its home, the floor with the sessions under it. */
export type StaffPage = "sessions" | "tables" | "products" | "translations" | "staff" | "reports" | "settings";

interface Props {
  auth: StaffAuth;
  page: StaffPage;
  /** The user logs out. */
  onLogout: () => void;
  /** The server ended the token (deactivated, role changed, password reset): log out and say why. */
  onSignedOut: () => void;
  /** A new token for the same account (after a password change). */
  onRenew: (auth: StaffAuth) => void;
  /** The location's settings were saved on this device: the account's copy follows. */
  onLocation: (location: LocationDto) => void;
}

/** Header, navigation (only the pages the role may use) and the live connection shared by the panel's pages. */
export function StaffShell({ auth, page, onLogout, onSignedOut, onRenew, onLocation }: Props) {
  // While a password change is under way the server ends this token (and says so on the
  // socket) just before it answers with the new one: that is not a sign-out.
  const renewing = useRef(false);
  const renewed = useRef<StaffAuth | null>(null);
  const staffLive = useStaffLive(auth.token, () => {
    if (!renewing.current && !renewed.current) onSignedOut();
  });
  const [changingPassword, setChangingPassword] = useState(false);
  const { staff } = auth;
  const allowed = (p: StaffPage) => canSeePage(staff.role, p);

  return (
    <div className="staff">
      <header className="topbar">
        <div className="brand">
          <strong>{strings.appName}</strong>
          <span className="muted">{staff.location.name}</span>
        </div>
        <nav aria-label={strings.panel.nav} className="nav">
          {allowed("sessions") && (
            <Link href="/panel" aria-current={page === "sessions" ? "page" : undefined}>
              {strings.panel.floorLink}
            </Link>
          )}
          {allowed("tables") && (
            <Link href="/panel/tables" aria-current={page === "tables" ? "page" : undefined}>
              {strings.panel.tablesLink}
            </Link>
          )}
          {allowed("products") && (
            <Link href="/panel/products" aria-current={page === "products" ? "page" : undefined}>
              {strings.panel.productsLink}
            </Link>
          )}
          {allowed("translations") && (
            <Link href="/panel/translations" aria-current={page === "translations" ? "page" : undefined}>
              {strings.translations.navLink}
            </Link>
          )}
          {allowed("staff") && (
            <Link href="/panel/staff" aria-current={page === "staff" ? "page" : undefined}>
              {strings.staffAccounts.navLink}
            </Link>
          )}
          {allowed("reports") && (
            <Link href="/panel/reports" aria-current={page === "reports" ? "page" : undefined}>
              {strings.panel.reportsLink}
            </Link>
          )}
          {allowed("settings") && (
            <Link href="/panel/settings" aria-current={page === "settings" ? "page" : undefined}>
              {strings.settingsPage.navLink}
            </Link>
          )}
        </nav>
        <ConnectionIndicator state={staffLive.live.status} />
        <div className="account-menu">
          <p className="whoami muted">{strings.panel.signedInAs(staff.displayName, staff.location.name)}</p>
          <button type="button" className="button ghost touch" onClick={() => setChangingPassword(true)}>
            {strings.changePassword.open}
          </button>
          <button type="button" className="button ghost touch" onClick={onLogout}>
            {strings.panel.logout}
          </button>
        </div>
      </header>
      {staffLive.error && (
        <p role="alert" className="error banner">
          {staffLive.error}
        </p>
      )}
      <OfflineBanner state={staffLive.live.status} />
      <PrinterAlerts token={auth.token} live={staffLive.live} />
      <LiveContext value={staffLive.live}>
        <Announcer>
          <AlertStrip state={staffLive.state} />
          {!allowed(page) ? (
            <NotAllowed role={staff.role} />
          ) : page === "sessions" ? (
            <PanelPage staffLive={staffLive} auth={auth} />
          ) : page === "tables" ? (
            <TablesPage staffLive={staffLive} auth={auth} onLocation={onLocation} />
          ) : page === "staff" ? (
            <StaffAccountsPage auth={auth} />
          ) : page === "reports" ? (
            <Suspense fallback={<p className="muted">{strings.panel.loadingPage}</p>}>
              <ReportsPage auth={auth} />
            </Suspense>
          ) : page === "translations" ? (
            <TranslationsPage auth={auth} />
          ) : page === "settings" ? (
            <SettingsPage auth={auth} onLocation={onLocation} />
          ) : (
            <ProductsPage auth={auth} />
          )}
        </Announcer>
      </LiveContext>
      {changingPassword && (
        <ChangePasswordDialog
          token={auth.token}
          onSending={(sending) => {
            renewing.current = sending;
          }}
          onChanged={(next) => {
            renewed.current = next;
            staffAuthStore.save(next); // a reload meanwhile must not use the ended token
          }}
          onClose={() => {
            setChangingPassword(false);
            // The shell reconnects with the new token once the person has read the confirmation.
            if (renewed.current) onRenew(renewed.current);
          }}
        />
      )}
    </div>
  );
}
