import { brandColorProblem, brandColorVerdict, type LocationDto, normalizeHexColor } from "@ordered/contract/client";
import { type ChangeEvent, type CSSProperties, type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { PHOTO_TYPES, photoProblem } from "../menu/product-photo";
import { type BrandImage, uploadBrandImage } from "./branding-image";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/** What the picker starts at when no colour is set: the app's own blue. */
const APP_BLUE = "#1d4ed8";

/**
 * The venue's branding (issue 35): its colour, with the contrast of white text on it judged as
 * it is typed (the API refuses what fails WCAG AA, with the same words: contract
 * brand-color.ts), and its logo and cover photo, uploaded as soon as they are picked.
 */
export function BrandingSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.branding;
  const { busy, error, setError, saved, clearSaved, save } = useLocationSave(token, onSaved);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? location?.brandColor ?? "";
  const color = normalizeHexColor(shown);
  const problem = shown.trim() === "" ? null : brandColorProblem(shown);
  const verdict = color && !problem ? s.verdictPasses(brandColorVerdict(color).ratio.toFixed(2)) : null;
  const disabled = !maySet || location === null;

  function edit(value: string) {
    setDraft(value);
    clearSaved();
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (problem || !color) return setError(problem ?? brandColorProblem(shown));
    if (await save({ brandColor: color })) setDraft(null);
  }

  return (
    <section className="card setting branding" aria-labelledby="branding-title">
      <h2 id="branding-title">{s.title}</h2>
      <p className="muted small">{s.intro}</p>
      <form className="branding-color-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>{s.color}</span>
          <input
            name="brandColor"
            value={shown}
            onChange={(e) => edit(e.target.value)}
            placeholder={APP_BLUE}
            spellCheck={false}
            autoComplete="off"
            maxLength={7}
            disabled={disabled}
            aria-invalid={problem ? true : undefined}
            aria-describedby="branding-verdict branding-color-hint"
          />
        </label>
        <input
          type="color"
          className="branding-picker"
          aria-label={s.colorPicker}
          value={color ?? APP_BLUE}
          onChange={(e) => edit(e.target.value)}
          disabled={disabled}
        />
        <span
          className="branding-preview"
          role="img"
          aria-label={s.previewLabel}
          style={{ "--brand": color && !problem ? color : "var(--primary-solid)" } as CSSProperties}
        >
          {s.preview}
        </span>
        {maySet && (
          <>
            <button type="submit" className="button touch" disabled={busy || location === null || draft === null}>
              {s.saveColor}
            </button>
            {location?.brandColor && (
              <button
                type="button"
                className="button touch"
                disabled={busy}
                onClick={async () => (await save({ brandColor: null })) && setDraft(null)}
              >
                {s.clearColor}
              </button>
            )}
          </>
        )}
        <SavedStatus text={saved ? s.saved : ""} />
      </form>
      <p id="branding-verdict" className={`small ${problem ? "error" : "branding-ok"}`} aria-live="polite">
        {problem ?? verdict ?? (location && !location.brandColor && draft === null ? s.none : "")}
      </p>
      <p id="branding-color-hint" className="muted small">
        {s.colorHint} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
      <BrandImageField image="logo" token={token} location={location} maySet={maySet} onSaved={onSaved} />
      <BrandImageField image="cover" token={token} location={location} maySet={maySet} onSaved={onSaved} />
    </section>
  );
}

/** A logo or cover: what is set now, a file picker that uploads at once, and Remove. */
function BrandImageField({ image, token, location, maySet, onSaved }: LocationSettingProps & { image: BrandImage }) {
  const s = strings.branding;
  const what = image === "logo" ? s.logo : s.cover;
  const current = location?.[image] ?? null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function run(work: () => Promise<LocationDto>) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await work());
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const problem = photoProblem(file);
    if (problem) return setError(problem);
    await run(() => uploadBrandImage(token, image, file));
  }

  return (
    <div className={`branding-image branding-${image}`}>
      <h3>{what}</h3>
      <div className="branding-image-row">
        {current ? (
          <img className={`branding-${image}-preview`} src={current.medium} alt={what} />
        ) : (
          <span className="muted small">{s.noImage}</span>
        )}
        {maySet && (
          <div className="setting-actions">
            <label className={`button touch file-button${busy || location === null ? " disabled" : ""}`}>
              {current ? s.replace(what) : s.upload(what)}
              <input type="file" accept={PHOTO_TYPES} className="visually-hidden" disabled={busy || location === null} onChange={picked} />
            </label>
            {current && (
              <button
                type="button"
                className="button touch"
                disabled={busy}
                onClick={() => run(async () => (await api(`DELETE /api/location/${image}`, { token })).location)}
              >
                {s.remove(what)}
              </button>
            )}
          </div>
        )}
        <SavedStatus text={busy ? s.uploading : saved ? s.saved : ""} />
      </div>
      <p className="muted small">{image === "logo" ? s.logoHint : s.coverHint}</p>
      <SettingError error={error} />
    </div>
  );
}
