import type { LocationDto } from "@ordered/contract/client";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/http";
import { LoginForm } from "../components/auth/LoginForm";
import { type StaffAuth, staffAuthStore } from "../components/auth/staff-auth";
import { unlockAudio } from "../lib/beep";
import { navigate } from "../router";
import { strings } from "../strings";
import { canSeePage, homePathOf } from "./accounts/staff-accounts";
import { NotAllowed } from "./NotAllowed";
import { type StaffPage, StaffShell } from "./StaffShell";
import { CardSheetPage } from "./tables/CardSheetPage";
// The panel's styles, in cascade order: shared pieces, each feature, then the touch targets over them all.
import "./staff.css";
import "./floor/floor.css";
import "./sessions/sessions.css";
import "./sessions/table-sheet.css";
import "./tables/tables.css";
import "./menu/menu.css";
import "./menu/ProductFormDialog.css";
import "./accounts/accounts.css";
import "./settings/settings.css";
import "./touch-targets.css";

/** /panel/*: the login gate; the token lives in localStorage until logout or expiry. */
export function StaffApp({ page }: { page: StaffPage | "cards" }) {
  const [auth, setAuth] = useState<StaffAuth | null>(() => staffAuthStore.load());
  // Why the panel signed itself out (the account was deactivated or changed), shown on the login form.
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback(() => {
    staffAuthStore.clear();
    setAuth(null);
  }, []);
  const signedOut = useCallback(() => {
    setNotice(strings.access.signedOut);
    logout();
  }, [logout]);
  /**
   * The location's settings changed on this device (Settings, the tables page): every page reads
   * them from the signed-in account (time zone, currency, ticket minutes), so it takes them at once.
   */
  const locationChanged = useCallback((location: LocationDto) => {
    setAuth((a) => {
      if (!a || a.staff.location.id !== location.id) return a;
      const next = { ...a, staff: { ...a.staff, location } };
      staffAuthStore.save(next);
      return next;
    });
  }, []);
  /** A new token for the same account (after changing the password): the shell reconnects with it. */
  const renew = useCallback((next: StaffAuth) => {
    staffAuthStore.save(next);
    setAuth(next);
  }, []);

  // A stored token may have expired or been revoked: check it once on load.
  const token = auth?.token;
  useEffect(() => {
    if (!token) return;
    api("GET /api/auth/me", { token })
      .then((res) => setAuth((a) => (a && a.token === token ? { ...a, staff: res.staff } : a)))
      .catch((err) => {
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") signedOut();
      });
  }, [token, signedOut]);

  // A kitchen account has no panel: its place is the kitchen display.
  const home = auth ? homePathOf(auth.staff.role) : null;
  useEffect(() => {
    if (home && home !== "/panel") navigate(home, { replace: true });
  }, [home]);

  // Beeps need audio unlocked by a user gesture; any touch, click or key in the panel will do.
  // A finger on a tablet counts as a gesture only when it lifts (pointerup, touchend), a
  // mouse already at pointerdown: listen for both, or the first tap unlocks nothing.
  useEffect(() => {
    const events = ["pointerdown", "pointerup", "touchend", "click", "keydown"] as const;
    for (const name of events) window.addEventListener(name, unlockAudio);
    return () => {
      for (const name of events) window.removeEventListener(name, unlockAudio);
    };
  }, []);

  if (!auth) {
    return (
      <LoginForm
        notice={notice}
        onLogin={(a) => {
          staffAuthStore.save(a);
          unlockAudio();
          setNotice(null);
          setAuth(a);
        }}
      />
    );
  }
  if (home !== "/panel") return null; // on the way to the kitchen display
  // The card sheet is a page to print: no panel around it, and no live connection.
  if (page === "cards") {
    if (!canSeePage(auth.staff.role, "cards")) return <NotAllowed role={auth.staff.role} />;
    return <CardSheetPage key={auth.token} auth={auth} onLogout={signedOut} />;
  }
  return (
    <StaffShell
      key={auth.token}
      auth={auth}
      page={page}
      onLogout={logout}
      onSignedOut={signedOut}
      onRenew={renew}
      onLocation={locationChanged}
    />
  );
}
