import type { FormEvent } from "react";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;

/**
 * When the venue's business day starts (issue 33, end of day): receipts closed before this hour
 * of its clock count to the day before, so a bar's 01:30 is on the night's Z report. Beside the
 * time zone, which the hour is read in. Receipts already closed keep their day.
 */
export function DayCutoffSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.dayCutoff;
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const hour = Number(new FormData(e.currentTarget).get("hour"));
    if (!location || hour === location.dayCutoffHour) return;
    await save({ dayCutoffHour: hour });
  }

  return (
    <section className="card setting day-cutoff" aria-labelledby="day-cutoff-title">
      <h2 id="day-cutoff-title">{s.title}</h2>
      <form
        key={location ? String(location.dayCutoffHour) : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={clearSaved}
      >
        <label className="field">
          <span>{s.hour}</span>
          <select
            name="hour"
            defaultValue={location ? String(location.dayCutoffHour) : "4"}
            disabled={!maySet || location === null}
            aria-describedby="day-cutoff-hint"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourText(h)}
              </option>
            ))}
          </select>
        </label>
        {maySet && (
          <button type="submit" className="button touch" disabled={busy || location === null}>
            {s.save}
          </button>
        )}
        <SavedStatus text={saved ? s.saved : ""} />
      </form>
      <p id="day-cutoff-hint" className="muted small">
        {location ? s.hint(hourText(location.dayCutoffHour)) : ""} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
