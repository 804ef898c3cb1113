import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { legalIdentityBody } from "./settings-input";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * Who issues the location's receipts (issue 33): its legal name, its address (lines) and its
 * tax id, printed on every receipt. An emptied field is cleared.
 */
export function ReceiptSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.receipts;
  const { busy, error, setError, saved, clearSaved, save } = useLocationSave(token, onSaved);
  const [unchanged, setUnchanged] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!location) return;
    const data = new FormData(e.currentTarget);
    const body = legalIdentityBody(
      {
        legalName: String(data.get("legalName") ?? ""),
        address: String(data.get("address") ?? ""),
        taxId: String(data.get("taxId") ?? ""),
      },
      location,
    );
    const nothing = Object.keys(body).length === 0;
    setUnchanged(nothing);
    if (nothing) return setError(null);
    await save(body);
  }

  const disabled = !maySet || location === null;
  return (
    <section className="card setting receipts-setting" aria-labelledby="receipts-title">
      <h2 id="receipts-title">{s.title}</h2>
      <p className="muted small">
        {s.intro} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <form
        key={location ? `${location.legalName}|${location.address}|${location.taxId}` : "loading"}
        className="stack receipts-form"
        onSubmit={submit}
        onChange={() => {
          clearSaved();
          setUnchanged(false);
        }}
        noValidate
      >
        <label className="field">
          <span>{s.legalName}</span>
          <input
            name="legalName"
            defaultValue={location?.legalName ?? ""}
            maxLength={LIMITS.legal.nameLength}
            placeholder={s.legalNamePlaceholder}
            disabled={disabled}
          />
        </label>
        <label className="field">
          <span>{s.address}</span>
          <textarea
            name="address"
            defaultValue={location?.address ?? ""}
            maxLength={LIMITS.legal.addressLength}
            rows={3}
            disabled={disabled}
            aria-describedby="receipts-address-hint"
          />
          <small id="receipts-address-hint" className="muted">
            {s.addressHint}
          </small>
        </label>
        <label className="field">
          <span>{s.taxId}</span>
          <input
            name="taxId"
            defaultValue={location?.taxId ?? ""}
            maxLength={LIMITS.legal.taxIdLength}
            placeholder={s.taxIdPlaceholder}
            disabled={disabled}
            aria-describedby="receipts-tax-id-hint"
          />
          <small id="receipts-tax-id-hint" className="muted">
            {s.taxIdHint}
          </small>
        </label>
        {maySet && (
          <div className="setting-actions">
            <button type="submit" className="button touch" disabled={busy || location === null}>
              {s.save}
            </button>
            <SavedStatus text={unchanged ? s.nothingChanged : saved ? s.saved : ""} />
          </div>
        )}
      </form>
      <SettingError error={error} />
    </section>
  );
}
