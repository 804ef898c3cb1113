import type { LocationDto } from "@ordered/contract/client";
import { useState } from "react";
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

/**
 * Whether the menu's prices include tax (gross, the European default) or the bill adds it (net,
 * as in the US and Canada), issue 33. It changes what every new table pays for the same menu,
 * so a choice is saved only with its own button, under a warning; sessions take it when they
 * open, so open tables and closed receipts keep theirs.
 */
export function TaxPricesSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.taxPrices;
  const [choice, setChoice] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const current = location?.pricesIncludeTax ?? true;
  const chosen = choice ?? current;
  const changed = location !== null && chosen !== current;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const res = await api("PATCH /api/location", { token, body: { pricesIncludeTax: chosen } });
      onSaved(res.location);
      setChoice(null);
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card setting tax-prices" aria-labelledby="tax-prices-title">
      <h2 id="tax-prices-title">{s.title}</h2>
      <p className="muted small">{s.intro}</p>
      <fieldset className="setting-choices" disabled={!maySet || busy || location === null}>
        <legend className="visually-hidden">{s.title}</legend>
        {([true, false] as const).map((gross) => (
          <label key={String(gross)} className="setting-row">
            <input
              type="radio"
              name="prices-include-tax"
              value={gross ? "gross" : "net"}
              checked={chosen === gross}
              onChange={() => {
                setChoice(gross);
                setSaved(false);
              }}
              aria-describedby={`tax-prices-${gross ? "gross" : "net"}`}
            />
            <span>
              {gross ? s.gross : s.net}
              <span id={`tax-prices-${gross ? "gross" : "net"}`} className="muted small setting-choice-hint">
                {gross ? s.grossHint : s.netHint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {changed && (
        <div className="setting-actions">
          <p className="notice small" id="tax-prices-warning">
            {s.warning(chosen)}
          </p>
        </div>
      )}
      {maySet && (
        <div className="setting-actions">
          <button
            type="button"
            className="button touch"
            disabled={!changed || busy}
            onClick={save}
            aria-describedby={changed ? "tax-prices-warning" : undefined}
          >
            {s.save}
          </button>
          <span role="status" className="saved-status small">
            {saved ? s.saved : ""}
          </span>
        </div>
      )}
      {!maySet && <p className="muted small">{strings.ticketSettings.ownerOnly}</p>}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
