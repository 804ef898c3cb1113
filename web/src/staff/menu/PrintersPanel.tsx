import { PRINTER_CODEPAGES, PRINTER_PAPER_WIDTHS, type PrinterDto, type StationDto } from "@ordered/contract/client";
import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import { PrinterRouting } from "./PrinterRouting";

/**
 * The location's network printers (issue 34): add one by its address, paper width and code
 * page, test-print on it (the server asks its status first: paper out, cover open, no answer),
 * remove it. Stations print to them once tickets go on paper.
 */
export function PrintersPanel({
  token,
  stations,
  receiptPrinterId,
  onStation,
}: {
  token: string;
  stations: readonly StationDto[];
  receiptPrinterId: string | null;
  onStation: (station: StationDto) => void;
}) {
  const s = strings.printers;
  const [printers, setPrinters] = useState<PrinterDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [host, setHost] = useState("");
  const [port, setPort] = useState("9100");
  const [paper, setPaper] = useState<(typeof PRINTER_PAPER_WIDTHS)[number]>(80);
  const [codepage, setCodepage] = useState<(typeof PRINTER_CODEPAGES)[number]>("auto");
  const [viaBridge, setViaBridge] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ id: string; text: string; ok: boolean } | null>(null);

  useEffect(() => {
    let stale = false;
    api("GET /api/printers", { token })
      .then((res) => !stale && setPrinters(res.printers))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [token]);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const portNumber = Number(port);
    if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) return setError(s.portError);
    setBusy("add");
    setError(null);
    try {
      const { printer } = await api("POST /api/printers", {
        token,
        body: { name, host, port: portNumber, paperWidthMm: paper, codepage, via: viaBridge ? "BRIDGE" : "DIRECT" },
      });
      setPrinters((list) => [...(list ?? []), printer].sort((a, b) => a.name.localeCompare(b.name)));
      setName("");
      setHost("");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  async function test(printer: PrinterDto) {
    setBusy(printer.id);
    setResult(null);
    try {
      const { printed, status } = await api("POST /api/printers/:id/test", { token, params: { id: printer.id } });
      const text = printed
        ? `${s.printed(printer.name)}${status.paperNearEnd ? ` ${s.paperLow}` : ""}`
        : s.notPrinted(printer.name, status.problem ?? "?");
      setResult({ id: printer.id, text, ok: printed });
    } catch (err) {
      setResult({ id: printer.id, text: err instanceof Error ? err.message : String(err), ok: false });
    } finally {
      setBusy(null);
    }
  }

  async function remove(printer: PrinterDto) {
    if (!window.confirm(s.confirmRemove(printer.name))) return;
    setBusy(printer.id);
    try {
      await api("DELETE /api/printers/:id", { token, params: { id: printer.id } });
      setPrinters((list) => (list ?? []).filter((p) => p.id !== printer.id));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id="menu-printers" className="card printers-panel" aria-labelledby="printers-title">
      <h2 id="printers-title">{s.title}</h2>
      <p className="muted small">{s.intro}</p>
      {printers?.length === 0 && <p className="muted">{s.empty}</p>}
      <ul className="printer-list">
        {printers?.map((p) => (
          <li key={p.id} className="printer-row" aria-label={p.name}>
            <span>
              <strong>{p.name}</strong>{" "}
              <span className="muted small">
                {s.address(p.host, p.port)} · {s.paperOption(p.paperWidthMm)} · {p.codepage === "auto" ? s.codepageAuto : p.codepage}
                {p.via === "BRIDGE" && ` · ${s.viaBridgeTag}`}
              </span>
            </span>
            <span className="printer-actions">
              {p.via === "DIRECT" && (
                <button
                  type="button"
                  className="button touch"
                  disabled={busy !== null}
                  aria-label={s.testLabel(p.name)}
                  onClick={() => void test(p)}
                >
                  {busy === p.id ? s.testing : s.test}
                </button>
              )}
              <button
                type="button"
                className="button ghost touch"
                disabled={busy !== null}
                aria-label={s.removeLabel(p.name)}
                onClick={() => void remove(p)}
              >
                {s.remove}
              </button>
            </span>
            {result?.id === p.id && (
              <p role="status" className={result.ok ? "small printer-ok" : "error small"}>
                {result.text}
              </p>
            )}
          </li>
        ))}
      </ul>
      <form className="stack printer-form" onSubmit={add}>
        <label className="field">
          <span>{s.name}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={s.namePlaceholder} required maxLength={60} />
        </label>
        <label className="field">
          <span>{s.host}</span>
          <input value={host} onChange={(e) => setHost(e.target.value)} placeholder={s.hostPlaceholder} required inputMode="url" />
        </label>
        <label className="field">
          <span>{s.port}</span>
          <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" required />
        </label>
        <label className="field">
          <span>{s.paper}</span>
          <select value={paper} onChange={(e) => setPaper(Number(e.target.value) as 58 | 80)}>
            {PRINTER_PAPER_WIDTHS.map((mm) => (
              <option key={mm} value={mm}>
                {s.paperOption(mm)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{s.codepage}</span>
          <select value={codepage} onChange={(e) => setCodepage(e.target.value as (typeof PRINTER_CODEPAGES)[number])}>
            {PRINTER_CODEPAGES.map((c) => (
              <option key={c} value={c}>
                {c === "auto" ? s.codepageAuto : c}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <input
            type="checkbox"
            checked={viaBridge}
            onChange={(e) => setViaBridge(e.target.checked)}
            aria-describedby="printer-via-bridge-hint"
          />
          <span>{s.viaBridge}</span>
        </label>
        <p id="printer-via-bridge-hint" className="muted small">
          {s.viaBridgeHint}
        </p>
        <button type="submit" className="button touch primary" disabled={busy !== null}>
          {s.add}
        </button>
      </form>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <PrinterRouting
        token={token}
        printers={printers ?? []}
        stations={stations}
        receiptPrinterId={receiptPrinterId}
        onStation={onStation}
      />
    </section>
  );
}
