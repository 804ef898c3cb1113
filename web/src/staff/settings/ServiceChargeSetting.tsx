import { MAX_SERVICE_CHARGE_BPS } from "@ordered/contract/client";
import type { FormEvent } from "react";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/** "12.5" → 1250 basis points; null when it is not a percent from 0 to the maximum in hundredths. */
export function serviceChargeBpsOf(text: string): number | null {
  const n = Number(text.replace(",", ".").replace("%", "").trim());
  if (text.trim() === "" || !Number.isFinite(n)) return null;
  const bps = Math.round(n * 100);
  return Math.abs(bps - n * 100) < 1e-6 && bps >= 0 && bps <= MAX_SERVICE_CHARGE_BPS ? bps : null;
}

/**
 * The service charge (issue 32): a percent added to every bill after its discounts, its own
 * line on the bill, the phones' bill tab and the receipt. A session takes the rate it has
 * when it opens, so a change applies to tables seated from then on.
 */
export function ServiceChargeSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.serviceCharge;
  const { busy, error, setError, saved, clearSaved, save } = useLocationSave(token, onSaved);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const bps = serviceChargeBpsOf(String(new FormData(e.currentTarget).get("percent") ?? ""));
    if (bps === null) return setError(s.invalid(MAX_SERVICE_CHARGE_BPS / 100));
    await save({ serviceChargeBps: bps });
  }

  const disabled = !maySet || location === null;
  return (
    <section className="card setting service-charge" aria-labelledby="service-charge-title">
      <h2 id="service-charge-title">{s.title}</h2>
      <form
        key={location ? String(location.serviceChargeBps) : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={clearSaved}
        noValidate
      >
        <label className="field">
          <span>{s.percent}</span>
          <input
            name="percent"
            inputMode="decimal"
            defaultValue={location ? String(location.serviceChargeBps / 100) : ""}
            disabled={disabled}
            aria-describedby="service-charge-hint"
          />
        </label>
        {maySet && (
          <button type="submit" className="button touch" disabled={busy || location === null}>
            {s.save}
          </button>
        )}
        <SavedStatus text={saved ? s.saved : ""} />
      </form>
      <p id="service-charge-hint" className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
