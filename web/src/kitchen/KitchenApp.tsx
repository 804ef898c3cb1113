import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/http";
import { LoginForm } from "../components/auth/LoginForm";
import { type StaffAuth, staffAuthStore } from "../components/auth/staff-auth";
import { CenteredMessage } from "../components/CenteredMessage";
import { unlockAudio } from "../lib/beep";
import { strings } from "../strings";
import { KitchenDisplay } from "./KitchenDisplay";
import { StationPicker } from "./StationPicker";
import { useKitchenLive } from "./use-kitchen-live";
import "./kitchen.css";

/**
 * /kitchen and /kitchen/<stationId>: the same login as the panel (any role, the KITCHEN one
 * included), then the station picker or the station's display.
 */
export function KitchenApp({ stationId }: { stationId: string | null }) {
  const [auth, setAuth] = useState<StaffAuth | null>(() => staffAuthStore.load());

  const logout = useCallback(() => {
    staffAuthStore.clear();
    setAuth(null);
  }, []);

  // A stored token may have expired or been revoked: check it once on load.
  const token = auth?.token;
  useEffect(() => {
    if (!token) return;
    api("GET /api/auth/me", { token })
      .then((res) => setAuth((a) => (a && a.token === token ? { ...a, staff: res.staff } : a)))
      .catch((err) => {
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") logout();
      });
  }, [token, logout]);

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
  return <KitchenScreen key={auth.token} token={auth.token} stationId={stationId} onLogout={logout} />;
}

function KitchenScreen({ token, stationId, onLogout }: { token: string; stationId: string | null; onLogout: () => void }) {
  // One live state for the picker and the display: switching stations keeps the connection.
  const kitchen = useKitchenLive(token, onLogout);
  if (kitchen.error?.code === "FORBIDDEN") {
    return (
      <CenteredMessage title={strings.kitchen.forbidden} tone="error">
        <p>{kitchen.error.message}</p>
        <button type="button" className="button" onClick={onLogout}>
          {strings.kitchen.logout}
        </button>
      </CenteredMessage>
    );
  }
  if (!stationId) return <StationPicker stations={kitchen.stations} onLogout={onLogout} />;
  return <KitchenDisplay stationId={stationId} kitchen={kitchen} token={token} onLogout={onLogout} />;
}
