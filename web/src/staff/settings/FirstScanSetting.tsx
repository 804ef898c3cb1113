import { can, type LocationDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { strings } from "../../strings";
import { CardCheckSetting } from "./CardCheckSetting";
import { ServiceChargeSetting } from "./ServiceChargeSetting";
import { SettingError } from "./SettingStatus";
import { TicketTimingSetting } from "./TicketTimingSetting";
import { useLocationSave } from "./use-location-save";

/**
 * The location's "open a session on first scan" switch, its check of card-joined phones and the
 * kitchen tickets' timing; only roles with the permission location.settings (the owner) change them.
 */
export function FirstScanSetting({ auth, onLocation }: { auth: StaffAuth; onLocation: (location: LocationDto) => void }) {
  const [location, setLocation] = useState<LocationDto | null>(null);
  // What the server saved is shown here and taken by the whole panel (its account's copy).
  const saved = (next: LocationDto) => {
    setLocation(next);
    onLocation(next);
  };
  const { busy, error, setError, save } = useLocationSave(auth.token, saved);
  const maySet = can(auth.staff.role, "location.settings");

  useEffect(() => {
    let stale = false;
    api("GET /api/location", { token: auth.token })
      .then((res) => !stale && setLocation(res.location))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [auth.token, setError]);

  async function toggle(current: LocationDto, openOnFirstScan: boolean) {
    setLocation({ ...current, openOnFirstScan }); // at once; the answer (or an error) settles it
    if (!(await save({ openOnFirstScan }))) setLocation(current);
  }

  return (
    <>
      <section className="card setting" aria-labelledby="first-scan-title">
        <h2 id="first-scan-title">{strings.tables.setting}</h2>
        <label className="setting-row">
          <input
            type="checkbox"
            checked={location?.openOnFirstScan ?? false}
            disabled={!maySet || busy || location === null}
            onChange={(e) => location && toggle(location, e.target.checked)}
            aria-describedby="first-scan-hint"
          />
          <span>{strings.tables.openOnFirstScan}</span>
        </label>
        <p id="first-scan-hint" className="muted small">
          {strings.tables.openOnFirstScanHint} {!maySet && strings.tables.ownerOnly}
        </p>
        <SettingError error={error} />
      </section>
      <CardCheckSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <TicketTimingSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <ServiceChargeSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
    </>
  );
}
