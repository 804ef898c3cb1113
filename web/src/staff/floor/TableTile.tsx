import { ticketUrgency } from "@ordered/contract/client";
import { useState } from "react";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { type TileFlag, type TileState, tileTone } from "./floor";
import type { Thresholds } from "./triage";

interface Props {
  /** The table's name, or the label of a session without a table. */
  name: string;
  seats?: number | null;
  tile: TileState;
  currency: string;
  /** The location's amber and red minutes: the waiting flag turns with them. */
  thresholds: Thresholds;
  onSeat: () => Promise<void>;
  onOpen: (sessionId: string) => void;
  /** An order of the table is late against the kitchen's estimate (issue 35). */
  late?: boolean;
}

/** One table on the floor: free with a Seat button, or seated with what it waits for; choosing it opens its sheet. */
export function TableTile({ name, seats = null, tile, currency, thresholds, onSeat, onOpen, late = false }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function seat() {
    setBusy(true);
    setError(null);
    try {
      await onSeat();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const head = (
    <span className="tile-head">
      <span className="tile-name">{name}</span>
      {seats !== null && <span className="tile-seats">{strings.floor.seats(seats)}</span>}
    </span>
  );

  return (
    <article className={`tile tone-${tileTone(tile)}`} aria-label={name}>
      {tile.kind === "free" ? (
        <>
          {head}
          <span className="tile-state">{strings.floor.free}</span>
          <button
            type="button"
            className="button primary small tile-seat"
            onClick={seat}
            disabled={busy}
            aria-label={strings.floor.seatTable(name)}
          >
            {busy ? strings.floor.seating : strings.floor.seat}
          </button>
          {error && (
            <p role="alert" className="error small">
              {error}
            </p>
          )}
        </>
      ) : (
        <button type="button" className="tile-open" data-session-id={tile.sessionId} onClick={() => onOpen(tile.sessionId)}>
          {head}
          <span className="tile-state">
            {strings.floor.seated} · <span className="tile-time">{strings.floor.seatedFor(tile.seatedMinutes)}</span>
          </span>
          <span className="tile-facts">
            <span className="tile-phones">{strings.floor.phones(tile.phones)}</span>
            <span className="tile-total">{formatMoney(tile.totalCents, currency)}</span>
          </span>
          {tile.pendingCents > 0 && <span className="tile-pending">{strings.floor.pending(formatMoney(tile.pendingCents, currency))}</span>}
          {(tile.flags.length > 0 || late) && (
            <span className="tile-flags">
              {late && (
                <span className="flag flag-late" data-late>
                  {strings.floor.flags.late}
                </span>
              )}
              {tile.flags.map((f) => {
                const minutes = flagMinutes(f, tile);
                return (
                  <span
                    key={f}
                    className={`flag flag-${f}`}
                    data-urgency={minutes !== null ? ticketUrgency(minutes * 60_000, thresholds) : undefined}
                  >
                    {flagText(f, tile)}
                  </span>
                );
              })}
            </span>
          )}
        </button>
      )}
    </article>
  );
}

type Seated = TileState & { kind: "seated" };

/** How long the flag's thing has waited, when it ages (food at the pass, food in the kitchen). */
function flagMinutes(flag: TileFlag, tile: Seated): number | null {
  if (flag === "ready") return tile.readyMinutes;
  if (flag === "waiting") return tile.waitingMinutes;
  return null;
}

/** What the tile says the table waits for: "Food ready ×2 · 3 min", "Mains held", "Kitchen 12 min". */
function flagText(flag: TileFlag, tile: Seated): string {
  const f = strings.floor.flags;
  switch (flag) {
    case "ready":
      return f.ready(tile.ready, tile.readyMinutes ?? 0);
    case "held":
      return f.held(tile.heldCourses);
    case "waiting":
      return f.waiting(tile.waitingMinutes ?? 0);
    default:
      return f[flag];
  }
}
