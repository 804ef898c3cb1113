import type { PrinterDto, StationDto } from "@ordered/contract/client";
import { useEffect, useId, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";

interface Props {
  token: string;
  printers: readonly PrinterDto[];
  stations: readonly StationDto[];
  /** The location's receipt printer as saved (null: none). */
  receiptPrinterId: string | null;
  onStation: (station: StationDto) => void;
}

/** Where each station's tickets print (and its backup), and where bills and receipts print. */
export function PrinterRouting({ token, printers, stations, receiptPrinterId, onStation }: Props) {
  const s = strings.printers;
  const [receipt, setReceipt] = useState(receiptPrinterId ?? "");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setReceipt(receiptPrinterId ?? ""), [receiptPrinterId]);
  if (printers.length === 0) return null;

  async function saveReceipt(printerId: string) {
    setReceipt(printerId);
    setError(null);
    try {
      await api("PUT /api/printers/receipt", { token, body: { printerId: printerId || null } });
      setStatus(s.savedReceipts);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className="printer-routing">
      <h3>{s.routingTitle}</h3>
      <p className="muted small">{s.routingIntro}</p>
      {stations.map((station) => (
        <StationRow
          key={station.id}
          token={token}
          station={station}
          printers={printers}
          onSaved={onStation}
          onStatus={setStatus}
          onError={setError}
        />
      ))}
      <label className="field">
        <span>{s.receipts}</span>
        <select value={receipt} onChange={(e) => void saveReceipt(e.target.value)}>
          <option value="">{s.noReceiptPrinter}</option>
          {printers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <p role="status" className="small saved-status">
        {status ?? ""}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}

function StationRow({
  token,
  station,
  printers,
  onSaved,
  onStatus,
  onError,
}: {
  token: string;
  station: StationDto;
  printers: readonly PrinterDto[];
  onSaved: (station: StationDto) => void;
  onStatus: (text: string) => void;
  onError: (text: string | null) => void;
}) {
  const s = strings.printers;
  const ids = useId();
  const [chosen, setChosen] = useState(new Set(station.printerIds));
  const [backup, setBackup] = useState(station.backupPrinterId ?? "");
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    onError(null);
    try {
      const body = { printerIds: [...chosen], backupPrinterId: backup || null };
      const res = await api("PUT /api/stations/:id/printers", { token, params: { id: station.id }, body });
      onSaved(res.station);
      onStatus(s.savedRouting(station.name));
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="station-printers">
      <legend>{s.stationPrinters(station.name)}</legend>
      {printers.map((p) => (
        <label key={p.id} className="choice-option">
          <input
            type="checkbox"
            checked={chosen.has(p.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(p.id);
              else next.delete(p.id);
              setChosen(next);
            }}
          />
          {p.name}
        </label>
      ))}
      <label className="field" htmlFor={`${ids}-backup`}>
        <span>{s.backup}</span>
      </label>
      <select id={`${ids}-backup`} value={backup} onChange={(e) => setBackup(e.target.value)}>
        <option value="">{s.noBackup}</option>
        {printers
          .filter((p) => !chosen.has(p.id))
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
      <button type="button" className="button touch" disabled={busy} onClick={() => void save()}>
        {s.saveRouting(station.name)}
      </button>
    </fieldset>
  );
}
