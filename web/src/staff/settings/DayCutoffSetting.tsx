import type { LocationDto } from "@ordered/contract/client";
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

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;

/**
 * When the venue's business day starts (issue 33, end of day): receipts closed before this hour
 * of its clock count to the day before, so a bar's 01:30 is on the night's Z report. Beside the
 * time zone, which the hour is read in. Receipts already closed keep their day.
 */
export function DayCutoffSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.dayCutoff;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const hour = Number(new FormData(e.currentTarget).get("hour"));
    if (!location || hour === location.dayCutoffHour) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await api("PATCH /api/location", { token, body: { dayCutoffHour: hour } });
      onSaved(res.location);
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card setting day-cutoff" aria-labelledby="day-cutoff-title">
      <h2 id="day-cutoff-title">{s.title}</h2>
      <form
        key={location ? String(location.dayCutoffHour) : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={() => setSaved(false)}
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
        <span role="status" className="saved-status small">
          {saved ? s.saved : ""}
        </span>
      </form>
      <p id="day-cutoff-hint" className="muted small">
        {location ? s.hint(hourText(location.dayCutoffHour)) : ""} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
