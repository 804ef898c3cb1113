import { type TableDto, ticketUrgency } from "@ordered/contract/client";
import { useState } from "react";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { type TileState, tileTone } from "./floor";
import type { Thresholds } from "./triage";

interface Props {
  table: TableDto;
  tile: TileState;
  currency: string;
  /** The location's amber and red minutes: the waiting flag turns with them. */
  thresholds: Thresholds;
  onSeat: () => Promise<void>;
  onOpen: (sessionId: string) => void;
}

/** One table on the floor: free with a Seat button, or seated with what calls for staff. */
export function TableTile({ table, tile, currency, thresholds, onSeat, onOpen }: Props) {
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
      <span className="tile-name">{table.name}</span>
      {table.seats !== null && <span className="tile-seats">{strings.floor.seats(table.seats)}</span>}
    </span>
  );

  return (
    <article className={`tile tone-${tileTone(tile)}`} aria-label={table.name}>
      {tile.kind === "free" ? (
        <>
          {head}
          <span className="tile-state">{strings.floor.free}</span>
          <button
            type="button"
            className="button primary small tile-seat"
            onClick={seat}
            disabled={busy}
            aria-label={strings.floor.seatTable(table.name)}
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
        <button type="button" className="tile-open" onClick={() => onOpen(tile.sessionId)}>
          {head}
          <span className="tile-state">
            {strings.floor.seated} · <span className="tile-time">{strings.floor.seatedFor(tile.seatedMinutes)}</span>
          </span>
          <span className="tile-facts">
            <span className="tile-phones">{strings.floor.phones(tile.phones)}</span>
            <span className="tile-total">{formatMoney(tile.totalCents, currency)}</span>
          </span>
          {tile.pendingCents > 0 && <span className="tile-pending">{strings.floor.pending(formatMoney(tile.pendingCents, currency))}</span>}
          {tile.flags.length > 0 && (
            <span className="tile-flags">
              {tile.flags.map((f) => (
                <span
                  key={f}
                  className={`flag flag-${f}`}
                  data-urgency={
                    f === "waiting" && tile.waitingMinutes !== null ? ticketUrgency(tile.waitingMinutes * 60_000, thresholds) : undefined
                  }
                >
                  {f === "waiting" && tile.waitingMinutes !== null ? strings.floor.waitingFor(tile.waitingMinutes) : strings.floor.flags[f]}
                </span>
              ))}
            </span>
          )}
        </button>
      )}
    </article>
  );
}
