import type { QrDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../../api/http";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { LocalUrlNotice } from "../tables/LocalUrlNotice";
import type { StaffSession } from "./staff-sessions";

interface Props {
  session: StaffSession;
  token: string;
  /** The QR from opening the session, so a new session's code shows without a request. */
  initialQr?: QrDto | undefined;
  onClose: () => void;
}

/** A large, printable QR code for a table, with its join link. */
export function QrModal({ session, token, initialQr, onClose }: Props) {
  const [fetched, setQr] = useState<QrDto | null>(initialQr ?? null);
  const [error, setError] = useState<string | null>(null);
  const open = session.status === "OPEN";
  // Removing a phone gives the session a new code (`session:rekeyed`): the old QR is dead, fetch the new one.
  const qr = fetched && fetched.joinUrl === session.joinUrl ? fetched : null;

  useEffect(() => {
    if (qr || !open) return;
    api("GET /api/sessions/:id", { token, params: { id: session.id } })
      .then((res) => setQr(res.qr))
      .catch((err: Error) => setError(err.message));
  }, [qr, open, session.id, token]);

  return (
    <Modal title={strings.qr.dialogTitle(session.label)} onClose={onClose} className="qr-modal print-area">
      {!open ? (
        <p>{strings.qr.closedNoQr}</p>
      ) : qr ? (
        <div className="qr">
          <LocalUrlNotice url={qr.joinUrl} className="no-print" />
          <img src={qr.pngDataUrl} alt={strings.qr.imgAlt(session.label)} className="qr-image" width={320} height={320} />
          <p className="qr-hint">{strings.qr.scanHint}</p>
          <p className="qr-pin">
            {strings.session.pin}: <span className="session-pin">{session.pin}</span>
          </p>
          <p className="qr-link">
            <span className="muted">{strings.qr.joinLink}: </span>
            <a href={qr.joinUrl} target="_blank" rel="noreferrer">
              {qr.joinUrl}
            </a>
          </p>
          <button type="button" className="button primary no-print" onClick={() => window.print()}>
            {strings.qr.print}
          </button>
        </div>
      ) : error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : (
        <p className="muted">{t("common.loading")}</p>
      )}
    </Modal>
  );
}
