import { type LocationDto, MAX_SERVICE_CHARGE_BPS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";

interface Props {
  token: string;
  /** null while loading. */
  location: LocationDto | null;
  /** Whether this account may change the location's settings (location.settings: the owner). */
  maySet: boolean;
  onSaved: (location: LocationDto) => void;
}

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
export function ServiceChargeSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.serviceCharge;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const bps = serviceChargeBpsOf(String(new FormData(e.currentTarget).get("percent") ?? ""));
    if (bps === null) return setError(s.invalid(MAX_SERVICE_CHARGE_BPS / 100));
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await api("PATCH /api/location", { token, body: { serviceChargeBps: bps } });
      onSaved(res.location);
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const disabled = !maySet || location === null;
  return (
    <section className="card setting service-charge" aria-labelledby="service-charge-title">
      <h2 id="service-charge-title">{s.title}</h2>
      <form
        key={location ? String(location.serviceChargeBps) : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={() => setSaved(false)}
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
        <span role="status" className="saved-status small">
          {saved ? s.saved : ""}
        </span>
      </form>
      <p id="service-charge-hint" className="muted small">
        {s.hint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
