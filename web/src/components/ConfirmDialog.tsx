import { useState } from "react";
import { t } from "../i18n/i18n";
import { Modal } from "./Modal";

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  /** The button that backs out; "Cancel" unless that would be ambiguous. */
  dismissLabel?: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions, with the action's error shown in place. */
export function ConfirmDialog({ title, message, confirmLabel, dismissLabel = t("common.cancel"), onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={title} onClose={onClose}>
      <p>{message}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {dismissLabel}
        </button>
        <button type="button" className="button danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
