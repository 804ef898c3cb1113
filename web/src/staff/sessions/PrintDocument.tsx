import { RECEIPT_LANGUAGES, type ReceiptLanguage } from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { ApiError, api } from "../../api/http";
import { currentLanguage, t } from "../../i18n/i18n";
import { LANGUAGES } from "../../i18n/languages";
import "./PrintDocument.css";

interface Props {
  sessionId: string;
  token: string;
  /** The open table's bill, or the closed table's receipt. */
  document: "BILL" | "RECEIPT";
}

/**
 * Print the bill or the receipt on the location's receipt printer (issue 34), in the guest's
 * language. One client-made id per print, kept until the server answered it: a double tap, or
 * a retry after a lost answer, prints one copy (the server answers the same job); the next
 * print after an answer, or in another language, is a new one.
 */
export function PrintDocument({ sessionId, token, document }: Props) {
  const [language, setLanguage] = useState<ReceiptLanguage>(() => currentLanguage());
  const [printId, setPrintId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  // A second tap before React re-renders the disabled button: the ref knows at once.
  const sending = useRef(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  async function print() {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setSent(null);
    setError(null);
    try {
      const { job } = await api("POST /api/sessions/:id/print", {
        token,
        params: { id: sessionId },
        body: { clientPrintId: printId, document, language },
      });
      setSent(t("receiptPrint.sent", { printer: job.printer ?? "" }));
      setPrintId(crypto.randomUUID()); // answered: the next press is another copy
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "NO_RECEIPT_PRINTER"
          ? t("receiptPrint.noPrinter")
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <div className="print-document no-print">
      <div className="print-document-row">
        <label className="field">
          <span>{t("receiptPrint.language")}</span>
          <select
            value={language}
            onChange={(e) => {
              setLanguage(e.target.value as ReceiptLanguage);
              setPrintId(crypto.randomUUID()); // another language: another print
            }}
          >
            {RECEIPT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button touch" disabled={busy} onClick={() => void print()} aria-describedby={`${ids}-status`}>
          {busy ? t("receiptPrint.sending") : t(document === "BILL" ? "receiptPrint.bill" : "receiptPrint.receipt")}
        </button>
      </div>
      <p id={`${ids}-status`} role="status" className="print-document-sent small">
        {sent ?? ""}
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
