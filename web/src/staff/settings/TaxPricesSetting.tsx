import { useState } from "react";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * Whether the menu's prices include tax (gross, the European default) or the bill adds it (net,
 * as in the US and Canada), issue 33. It changes what every new table pays for the same menu,
 * so a choice is saved only with its own button, under a warning; sessions take it when they
 * open, so open tables and closed receipts keep theirs.
 */
export function TaxPricesSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.taxPrices;
  const [choice, setChoice] = useState<boolean | null>(null);
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);
  const current = location?.pricesIncludeTax ?? true;
  const chosen = choice ?? current;
  const changed = location !== null && chosen !== current;

  async function saveChoice() {
    if (await save({ pricesIncludeTax: chosen })) setChoice(null);
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
                clearSaved();
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
            onClick={saveChoice}
            aria-describedby={changed ? "tax-prices-warning" : undefined}
          >
            {s.save}
          </button>
          <SavedStatus text={saved ? s.saved : ""} />
        </div>
      )}
      {!maySet && <p className="muted small">{strings.ticketSettings.ownerOnly}</p>}
      <SettingError error={error} />
    </section>
  );
}
