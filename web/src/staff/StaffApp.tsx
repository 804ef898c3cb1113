import type { MeResponse } from "@ordered/contract";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/http";
import { unlockAudio } from "../lib/beep";
import { CardSheetPage } from "./CardSheetPage";
import { LoginForm } from "./LoginForm";
import { type StaffPage, StaffShell } from "./StaffShell";
import { type StaffAuth, staffAuthStore } from "./staff-auth";

/** /panel/*: the login gate; the token lives in localStorage until logout or expiry. */
export function StaffApp({ page }: { page: StaffPage | "cards" }) {
  const [auth, setAuth] = useState<StaffAuth | null>(() => staffAuthStore.load());

  const logout = useCallback(() => {
    staffAuthStore.clear();
    setAuth(null);
  }, []);

  // A stored token may have expired or been revoked: check it once on load.
  const token = auth?.token;
  useEffect(() => {
    if (!token) return;
    api<MeResponse>("/auth/me", { token })
      .then((res) => setAuth((a) => (a && a.token === token ? { ...a, staff: res.staff } : a)))
      .catch((err) => {
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") logout();
      });
  }, [token, logout]);

  // Beeps need audio unlocked by a user gesture; any click in the panel will do.
  useEffect(() => {
    window.addEventListener("pointerdown", unlockAudio);
    window.addEventListener("keydown", unlockAudio);
    return () => {
      window.removeEventListener("pointerdown", unlockAudio);
      window.removeEventListener("keydown", unlockAudio);
    };
  }, []);

  if (!auth) {
    return (
      <LoginForm
        onLogin={(a) => {
          staffAuthStore.save(a);
          unlockAudio();
          setAuth(a);
        }}
      />
    );
  }
  // The card sheet is a page to print: no panel around it, and no live connection.
  if (page === "cards") return <CardSheetPage key={auth.token} auth={auth} onLogout={logout} />;
  return <StaffShell key={auth.token} auth={auth} page={page} onLogout={logout} />;
}
