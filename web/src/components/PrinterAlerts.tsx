import type { PrinterHealthDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../api/http";
import type { Live } from "../realtime/use-live";
import { strings } from "../strings";
import "./PrinterAlerts.css";

/**
 * The location's printers as the server last said (issue 34): read once, again after every
 * reconnect (`printer:status` is not logged, so one missed while away is read back), and kept
 * up to date by `printer:status`.
 */
export function usePrinterHealth(token: string, live: Live): PrinterHealthDto[] {
  const [printers, setPrinters] = useState<PrinterHealthDto[]>([]);
  const { connection } = live;
  useEffect(() => {
    if (!connection) return;
    let stopped = false;
    const load = () =>
      void api("GET /api/printers/health", { token }).then(
        (res) => {
          if (!stopped) setPrinters(res.printers);
        },
        () => {}, // the next reconnect or status reads them again
      );
    const changed = (health: PrinterHealthDto) => setPrinters((list) => [...list.filter((p) => p.printerId !== health.printerId), health]);
    load();
    connection.socket.on("printer:status", changed);
    const offReconnect = connection.onReconnect(load);
    return () => {
      stopped = true;
      connection.socket.off("printer:status", changed);
      offReconnect();
    };
  }, [connection, token]);
  return printers;
}

/**
 * A banner nobody misses while a printer does not print: which one, what is wrong, how many
 * jobs wait, and where its tickets go meanwhile. role=alert: announced when it appears.
 */
export function PrinterAlerts({ token, live, className }: { token: string; live: Live; className?: string }) {
  const failing = usePrinterHealth(token, live).filter((p) => p.problem !== null);
  if (failing.length === 0) return null;
  return (
    <div role="alert" className={`printer-alerts${className ? ` ${className}` : ""}`} data-printer-alert="">
      {failing.map((p) => (
        <p key={p.printerId} data-printer-id={p.printerId}>
          <strong>{strings.printerAlerts.notPrinting(p.name)}</strong> {p.problem}
          {p.waiting > 0 && <span> · {strings.printerAlerts.waiting(p.waiting)}</span>}
          <span> · {p.backups.length > 0 ? strings.printerAlerts.goingTo(p.backups) : strings.printerAlerts.noBackup}</span>
        </p>
      ))}
    </div>
  );
}
