import { type CategoryDto, type CourseDto, LIMITS, type StationDto, type TaxRateDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { type CategoryInput, categoryInputOf } from "./category-input";
import { taxRateLabel } from "./tax-rate-input";

interface Props {
  /** null: a new category. */
  category: CategoryDto | null;
  /** The location's time zone, which the service window is in. */
  timeZone: string;
  /** The location's stations, in order; the category's lines go to the one chosen. */
  stations: readonly StationDto[];
  /** The location's courses, in order; the category's lines get the one chosen by default. */
  courses: readonly CourseDto[];
  /** The location's tax rates, in order; the category's products are sold at the one chosen (none: untaxed). */
  taxRates: readonly TaxRateDto[];
  onSave: (input: CategoryInput) => Promise<void>;
  onClose: () => void;
}

/** Adds or edits a category: name, description and an optional service window; the server's refusal shows in place. */
export function CategoryFormDialog({ category, timeZone, stations, courses, taxRates, onSave, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = strings.categories;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const read = categoryInputOf({
      name: String(data.get("name") ?? ""),
      description: String(data.get("description") ?? ""),
      from: String(data.get("from") ?? ""),
      until: String(data.get("until") ?? ""),
      stationId: String(data.get("stationId") ?? ""),
      courseId: courses.length > 0 ? String(data.get("courseId") ?? "") : undefined,
      taxRateId: taxRates.length > 0 ? String(data.get("taxRateId") ?? "") : undefined,
    });
    if ("error" in read) {
      setError(read.error);
      form.querySelector<HTMLInputElement>(`[name=${read.field}]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(read.input);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={category ? s.editTitle(category.name) : s.addTitle} onClose={onClose}>
      <form onSubmit={submit} className="stack category-form" noValidate>
        <label className="field">
          <span>{s.name}</span>
          <input
            name="name"
            defaultValue={category?.name}
            required
            maxLength={LIMITS.category.nameLength}
            placeholder={s.namePlaceholder}
            autoFocus
          />
        </label>
        <label className="field">
          <span>
            {s.description} <span className="muted small">({s.optional})</span>
          </span>
          <textarea name="description" defaultValue={category?.description} maxLength={LIMITS.category.descriptionLength} rows={2} />
        </label>
        {stations.length > 0 && (
          <div className="field">
            <label htmlFor="category-station">{strings.stations.field}</label>
            <select
              id="category-station"
              name="stationId"
              className="touch"
              defaultValue={category?.stationId ?? stations[0]!.id}
              aria-describedby="category-station-hint"
            >
              {stations.map((st) => (
                <option key={st.id} value={st.id}>
                  {st.name}
                </option>
              ))}
            </select>
            <small id="category-station-hint" className="muted">
              {strings.stations.fieldHint}
            </small>
          </div>
        )}
        {courses.length > 0 && (
          <div className="field">
            <label htmlFor="category-course">{strings.courses.field}</label>
            <select
              id="category-course"
              name="courseId"
              className="touch"
              defaultValue={category?.courseId ?? ""}
              aria-describedby="category-course-hint"
            >
              <option value="">{strings.courses.none}</option>
              {courses.map((co) => (
                <option key={co.id} value={co.id}>
                  {co.name}
                </option>
              ))}
            </select>
            <small id="category-course-hint" className="muted">
              {strings.courses.fieldHint}
            </small>
          </div>
        )}
        {taxRates.length > 0 && (
          <div className="field">
            <label htmlFor="category-tax-rate">{strings.taxRates.categoryField}</label>
            <select
              id="category-tax-rate"
              name="taxRateId"
              className="touch"
              defaultValue={category?.taxRateId ?? ""}
              aria-describedby="category-tax-rate-hint"
            >
              <option value="">{strings.taxRates.untaxed}</option>
              {taxRates.map((rate) => (
                <option key={rate.id} value={rate.id}>
                  {taxRateLabel(rate)}
                </option>
              ))}
            </select>
            <small id="category-tax-rate-hint" className="muted">
              {strings.taxRates.categoryHint}
            </small>
          </div>
        )}
        <fieldset className="window-fields" aria-describedby="category-window-hint">
          <legend>
            {s.window} <span className="muted small">({s.optional})</span>
          </legend>
          <div className="row">
            <label className="field">
              <span>{s.from}</span>
              <input type="time" name="from" defaultValue={category?.availableFrom ?? ""} />
            </label>
            <label className="field">
              <span>{s.until}</span>
              <input type="time" name="until" defaultValue={category?.availableUntil ?? ""} />
            </label>
          </div>
          <small id="category-window-hint" className="muted">
            {s.windowHint(timeZone)}
          </small>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
