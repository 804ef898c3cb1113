import type { StationDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";

/**
 * How many items a station prepares at once (pacing, issue 35): past it, new orders are still
 * taken and queue, and the guests' estimates say the honest later time. Empty: no limit set.
 */
export function StationCapacity({ token, station, onSaved }: { token: string; station: StationDto; onSaved: (s: StationDto) => void }) {
  const s = strings.stations;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get("capacity") ?? "").trim();
    const capacity = raw === "" ? null : Number(raw);
    if (capacity === station.capacity) return;
    setBusy(true);
    setError(null);
    try {
      onSaved((await api("PUT /api/stations/:id/capacity", { token, params: { id: station.id }, body: { capacity } })).station);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form key={station.capacity ?? "none"} className="station-capacity" onSubmit={submit}>
      <label className="field inline">
        <span>{s.capacity}</span>
        <input
          name="capacity"
          type="number"
          min={1}
          max={500}
          inputMode="numeric"
          defaultValue={station.capacity ?? ""}
          placeholder={s.noCapacity}
          aria-label={s.capacityLabel(station.name)}
        />
      </label>
      <button type="submit" className="button ghost touch" disabled={busy} aria-label={s.capacitySave(station.name)}>
        {s.capacitySet}
      </button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </form>
  );
}
