import { useId, useState } from "react";
import { api } from "../../../api/http";
import { useAnnounce } from "../../../components/Announcer";
import { Modal } from "../../../components/Modal";
import { strings } from "../../../strings";
import type { StaffSession } from "../staff-sessions";
import { useTransfer } from "./use-transfer";
import "./transfers.css";

interface Props {
  session: StaffSession;
  /** The location's other open sessions: where this one may go. */
  others: StaffSession[];
  token: string;
  onClose: () => void;
}

/** "Merge with…": this party joins another seated table; everything of it goes there and it closes. */
export function MergeDialog({ session, others, token, onClose }: Props) {
  const name = useId();
  const [into, setInto] = useState<StaffSession | null>(null);
  const { busy, error, setError, run } = useTransfer();
  const announce = useAnnounce();
  const t = strings.transfer;

  const confirm = () => {
    if (!into) return setError(t.chooseSession);
    return run(
      (clientMergeId) =>
        api("POST /api/sessions/:id/merge", { token, params: { id: session.id }, body: { clientMergeId, intoSessionId: into.id } }),
      () => {
        announce(t.done.merged(session.label, into.label));
        onClose();
      },
    );
  };

  return (
    <Modal title={t.mergeTitle(session.label)} onClose={onClose} className="transfer-dialog">
      <p>{t.mergeHint(session.label)}</p>
      {others.length === 0 ? (
        <p className="muted">{t.noOtherSessions}</p>
      ) : (
        <fieldset className="choice transfer-choices" disabled={busy}>
          <legend>{t.mergeChoose}</legend>
          {others.map((s) => (
            <label key={s.id} className="choice-option">
              <input type="radio" name={name} checked={into?.id === s.id} onChange={() => setInto(s)} />
              {s.label}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className="button primary" onClick={confirm} disabled={busy || others.length === 0}>
          {into ? t.mergeInto(into.label) : t.mergeButton.replace("…", "")}
        </button>
      </div>
    </Modal>
  );
}
