import { LIMITS } from "@ordered/contract/client";
import type { FormEvent } from "react";
import { strings } from "../../strings";
import { thresholdsOf } from "../accounts/staff-accounts";
import { SavedStatus, SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/** When a kitchen display's ticket turns amber, then red (minutes); beside the first-scan setting. */
export function TicketTimingSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.ticketSettings;
  const { busy, error, setError, saved, clearSaved, save } = useLocationSave(token, onSaved);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const read = thresholdsOf(String(data.get("amber") ?? ""), String(data.get("red") ?? ""));
    if ("error" in read) {
      setError(read.error === "order" ? s.order : s.whole(LIMITS.kitchen.maxTicketMinutes));
      return;
    }
    await save(read.body);
  }

  const disabled = !maySet || location === null;
  return (
    <section className="card setting ticket-timing" aria-labelledby="ticket-timing-title">
      <h2 id="ticket-timing-title">{s.title}</h2>
      {/* Keyed by the stored values, so a save elsewhere (or the first load) refills the fields. */}
      <form
        key={location ? `${location.ticketAmberMinutes}-${location.ticketRedMinutes}` : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={clearSaved}
        noValidate
      >
        <label className="field">
          <span>{s.amber}</span>
          <input
            name="amber"
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.kitchen.maxTicketMinutes}
            step={1}
            defaultValue={location?.ticketAmberMinutes}
            disabled={disabled}
            aria-describedby="ticket-timing-hint"
          />
        </label>
        <label className="field">
          <span>{s.red}</span>
          <input
            name="red"
            type="number"
            inputMode="numeric"
            min={2}
            max={LIMITS.kitchen.maxTicketMinutes}
            step={1}
            defaultValue={location?.ticketRedMinutes}
            disabled={disabled}
            aria-describedby="ticket-timing-hint"
          />
        </label>
        {maySet && (
          <button type="submit" className="button touch" disabled={busy || location === null}>
            {s.save}
          </button>
        )}
        <SavedStatus text={saved ? s.saved : ""} />
      </form>
      <p id="ticket-timing-hint" className="muted small">
        {s.hint} {!maySet && s.ownerOnly}
      </p>
      <SettingError error={error} />
    </section>
  );
}
