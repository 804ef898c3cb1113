import { LIMITS, type StaffAccountDto, type StaffAccountResponse, type StaffDto, type StaffRoleName } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { accountActions, rolesOffered } from "./staff-accounts";

interface Props {
  token: string;
  /** Who is signed in: decides the roles offered. */
  actor: Pick<StaffDto, "id" | "role">;
  /** null: a new account. */
  account: StaffAccountDto | null;
  onSaved: (res: StaffAccountResponse) => void;
  onClose: () => void;
}

/**
 * Adds an account (email, name, role) or changes one's name and role. The role picker offers
 * only what the signed-in role may give; the server's refusals (FORBIDDEN, CONFLICT) show here.
 */
export function StaffPageForm({ token, actor, account, onSaved, onClose }: Props) {
  const s = strings.staffAccounts;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = rolesOffered(actor.role);
  const canChangeRole = account === null || accountActions(actor, account).changeRole;
  const [role, setRole] = useState<StaffRoleName>(account?.role ?? (roles.includes("SERVER") ? "SERVER" : roles[0]!));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const displayName = String(data.get("displayName") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const res = account
        ? await api("PATCH /api/staff/:id", {
            token,
            params: { id: account.id },
            body: { displayName, ...(canChangeRole && role !== account.role ? { role } : {}) },
          })
        : await api("POST /api/staff", {
            token,
            body: { email: String(data.get("email") ?? "").trim(), displayName, role },
          });
      onSaved(res);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={account ? s.editTitle(account.displayName) : s.addTitle} onClose={onClose} className="staff-dialog">
      <form onSubmit={submit} className="stack staff-form">
        {account ? (
          <p className="muted">{account.email}</p>
        ) : (
          <label className="field">
            <span>{s.email}</span>
            <input name="email" type="email" autoComplete="off" maxLength={LIMITS.auth.emailLength} required autoFocus />
          </label>
        )}
        <label className="field">
          <span>{s.name}</span>
          <input
            name="displayName"
            defaultValue={account?.displayName}
            autoComplete="off"
            maxLength={LIMITS.auth.displayNameLength}
            required
            autoFocus={account !== null}
          />
        </label>
        {canChangeRole && (
          <fieldset className="role-picker">
            <legend>{s.role}</legend>
            {roles.map((r) => (
              <label key={r} className="role-option">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <strong>{strings.roles[r]}</strong>
                  <span className="muted small">{s.roleHints[r]}</span>
                </span>
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
          <button type="button" className="button touch" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button primary touch" disabled={busy}>
            {account ? (busy ? s.saving : t("common.save")) : busy ? s.creating : s.create}
          </button>
        </div>
      </form>
    </Modal>
  );
}
