import { LIMITS, type LocationDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { thresholdsOf } from "../accounts/staff-accounts";

interface Props {
  token: string;
  /** null while loading. */
  location: LocationDto | null;
  /** Whether this account may change the location's settings (the permission location.settings). */
  maySet: boolean;
  onSaved: (location: LocationDto) => void;
}

/** When a kitchen display's ticket turns amber, then red (minutes); beside the first-scan setting. */
export function TicketTimingSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.ticketSettings;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const read = thresholdsOf(String(data.get("amber") ?? ""), String(data.get("red") ?? ""));
    if ("error" in read) {
      setError(read.error === "order" ? s.order : s.whole(LIMITS.kitchen.maxTicketMinutes));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await api("PATCH /api/location", { token, body: read.body });
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
    <section className="card setting ticket-timing" aria-labelledby="ticket-timing-title">
      <h2 id="ticket-timing-title">{s.title}</h2>
      {/* Keyed by the stored values, so a save elsewhere (or the first load) refills the fields. */}
      <form
        key={location ? `${location.ticketAmberMinutes}-${location.ticketRedMinutes}` : "loading"}
        className="ticket-timing-form"
        onSubmit={submit}
        onChange={() => setSaved(false)}
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
        <span role="status" className="saved-status small">
          {saved ? s.saved : ""}
        </span>
      </form>
      <p id="ticket-timing-hint" className="muted small">
        {s.hint} {!maySet && s.ownerOnly}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
