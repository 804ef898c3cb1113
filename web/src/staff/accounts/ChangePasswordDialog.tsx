import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { checkNewPassword, NewPasswordFields } from "./NewPasswordFields";

interface Props {
  token: string;
  /** true while the change is on its way: the server ends this token just before it answers. */
  onSending: (sending: boolean) => void;
  /** The account's new token (its other tokens have ended). */
  onChanged: (auth: StaffAuth) => void;
  onClose: () => void;
}

/** Staff change their own password: the current one, the new one twice. The server's refusal shows in place. */
export function ChangePasswordDialog({ token, onSending, onChanged, onClose }: Props) {
  const s = strings.changePassword;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const problem = checkNewPassword(form, "newPassword", s);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    onSending(true);
    try {
      const res = await api("POST /api/auth/password", { token, body: { currentPassword, newPassword } });
      onChanged({ token: res.token, staff: res.staff });
      setDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    } finally {
      onSending(false);
    }
  }

  return (
    <Modal title={s.title} onClose={onClose} className="change-password-dialog">
      {done ? (
        <div className="stack">
          <p role="status">{s.done}</p>
          <div className="actions">
            <button type="button" className="button primary touch" onClick={onClose} autoFocus>
              {t("common.close")}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="stack" noValidate aria-label={s.title}>
          <label className="field">
            <span>{s.current}</span>
            <input
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              maxLength={LIMITS.auth.passwordLength}
              required
              autoFocus
            />
          </label>
          <NewPasswordFields
            name="newPassword"
            label={s.next}
            confirmLabel={s.confirm}
            hintId="change-password-hint"
            hint={s.hint(LIMITS.auth.passwordMin)}
          />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button touch" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="button primary touch" disabled={busy}>
              {busy ? s.submitting : s.submit}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
