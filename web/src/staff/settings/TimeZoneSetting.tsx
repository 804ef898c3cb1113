import { type FormEvent, useMemo, useState } from "react";
import { strings } from "../../strings";
import { SavedStatus, SettingError } from "./SettingStatus";
import { knownTimeZones, timeZoneChoices } from "./settings-input";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * The venue's IANA time zone: categories' serving windows, the day's takings and receipts
 * read times in it. A filter narrows the long list ("berlin", "new york"); the zone in use
 * stays first in the select.
 */
export function TimeZoneSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.timeZone;
  const zones = useMemo(knownTimeZones, []);
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const { busy, error, saved, clearSaved, save } = useLocationSave(token, onSaved);
  const current = location?.timeZone ?? "UTC";
  const choices = timeZoneChoices(zones, filter, chosen ?? current);
  // With a filter typed, the first match is what saving would choose, as the select shows it.
  const selected = chosen ?? (filter.trim() && choices.length > 1 ? choices[1]! : current);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!location || selected === location.timeZone) return;
    if (!(await save({ timeZone: selected }))) return;
    setChosen(null);
    setFilter("");
  }

  const disabled = !maySet || location === null;
  return (
    <section className="card setting time-zone-setting" aria-labelledby="time-zone-title">
      <h2 id="time-zone-title">{s.title}</h2>
      <p className="muted small">
        {s.intro} {!maySet && strings.ticketSettings.ownerOnly}
      </p>
      <p>
        <strong data-testid="current-time-zone">{location ? s.current(location.timeZone) : ""}</strong>
      </p>
      {maySet && (
        <form className="ticket-timing-form time-zone-form" onSubmit={submit} noValidate>
          <label className="field">
            <span>{s.filter}</span>
            <input
              type="search"
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value);
                setChosen(null);
                clearSaved();
              }}
              placeholder={s.filterPlaceholder}
              disabled={disabled}
              aria-describedby="time-zone-matches"
            />
          </label>
          <label className="field">
            <span>{s.select}</span>
            <select
              name="timeZone"
              value={selected}
              onChange={(e) => {
                setChosen(e.target.value);
                clearSaved();
              }}
              disabled={disabled}
            >
              {choices.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button touch" disabled={busy || disabled || selected === current}>
            {s.save}
          </button>
          <SavedStatus text={saved ? s.saved : ""} />
          <small id="time-zone-matches" className="muted">
            {filter.trim() ? s.matches(choices.length - 1) : ""}
          </small>
        </form>
      )}
      <SettingError error={error} />
    </section>
  );
}
