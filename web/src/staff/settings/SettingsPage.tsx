import { can, type LocationDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { BrandingSetting } from "./BrandingSetting";
import { DayCutoffSetting } from "./DayCutoffSetting";
import { LanguageSetting } from "./LanguageSetting";
import { OnlinePaymentsSetting } from "./OnlinePaymentsSetting";
import { ReceiptSetting } from "./ReceiptSetting";
import { TaxPricesSetting } from "./TaxPricesSetting";
import { TimeZoneSetting } from "./TimeZoneSetting";

/**
 * /panel/settings: the location's receipts (legal name, address, tax id), whether its prices
 * include tax, its time zone, when its business day starts, the language of its kitchen tickets and the one its menu is written in.
 * The tables' and the kitchen displays' settings stay on the tables page, beside what they govern.
 */
export function SettingsPage({ auth, onLocation }: { auth: StaffAuth; onLocation: (location: LocationDto) => void }) {
  const [location, setLocation] = useState<LocationDto | null>(null);
  // What the server saved is shown here and taken by the whole panel (its account's copy).
  const saved = (next: LocationDto) => {
    setLocation(next);
    onLocation(next);
  };
  const [error, setError] = useState<string | null>(null);
  const maySet = can(auth.staff.role, "location.settings");

  useEffect(() => {
    let stale = false;
    api("GET /api/location", { token: auth.token })
      .then((res) => !stale && setLocation(res.location))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [auth.token]);

  return (
    <main className="settings-page">
      <div className="page-head">
        <h1>{strings.settingsPage.title}</h1>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!location && !error && <p className="muted">{t("common.loading")}</p>}
      <ReceiptSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <TaxPricesSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <TimeZoneSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <OnlinePaymentsSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <DayCutoffSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <LanguageSetting field="kitchenLanguage" token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <LanguageSetting field="menuLanguage" token={auth.token} location={location} maySet={maySet} onSaved={saved} />
      <BrandingSetting token={auth.token} location={location} maySet={maySet} onSaved={saved} />
    </main>
  );
}
