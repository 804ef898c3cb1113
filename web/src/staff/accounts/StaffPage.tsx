import type { SetupLinkDto, StaffAccountDto } from "@ordered/contract/client";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { StaffPageForm } from "./StaffPageForm";
import { StaffPageLink } from "./StaffPageLink";
import { accountActions } from "./staff-accounts";

type Dialog =
  | { kind: "form"; account: StaffAccountDto | null }
  | { kind: "deactivate"; account: StaffAccountDto }
  | { kind: "reset"; account: StaffAccountDto }
  | { kind: "link"; account: StaffAccountDto; link: SetupLinkDto };

/** Owners first, then by name; deactivated accounts at the end. */
function ordered(list: readonly StaffAccountDto[]): StaffAccountDto[] {
  const rank = { OWNER: 0, MANAGER: 1, SERVER: 2, KITCHEN: 3 } as const;
  return [...list].sort(
    (a, b) => Number(!a.active) - Number(!b.active) || rank[a.role] - rank[b.role] || a.displayName.localeCompare(b.displayName),
  );
}

/**
 * /panel/staff (owners and managers): the location's accounts. Add one, change its name or
 * role, deactivate or reactivate it, reset its password. A new account and a reset come with
 * a one-time link, shown here to hand over (no email is sent).
 */
export function StaffPage({ auth }: { auth: StaffAuth }) {
  const s = strings.staffAccounts;
  const token = auth.token;
  const me = auth.staff;
  const [accounts, setAccounts] = useState<StaffAccountDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const load = useCallback(async () => {
    try {
      setAccounts((await api("GET /api/staff", { token })).staff);
      setError(null);
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "FORBIDDEN"
          ? strings.staffAccounts.forbidden
          : err instanceof Error
            ? err.message
            : String(err),
      );
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const put = (account: StaffAccountDto) =>
    setAccounts((list) =>
      list?.some((a) => a.id === account.id) ? list.map((a) => (a.id === account.id ? account : a)) : [...(list ?? []), account],
    );

  async function setActive(account: StaffAccountDto, active: boolean) {
    put((await api("PATCH /api/staff/:id", { token, params: { id: account.id }, body: { active } })).staff);
  }

  async function reactivate(account: StaffAccountDto) {
    setError(null);
    try {
      await setActive(account, true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function reset(account: StaffAccountDto) {
    const res = await api("POST /api/staff/:id/reset-password", { token, params: { id: account.id } });
    put(res.staff);
    if (res.setupLink) setDialog({ kind: "link", account: res.staff, link: res.setupLink });
  }

  const list = ordered(accounts ?? []);
  return (
    <main className="staff-page">
      <div className="page-head">
        <h1>{s.title}</h1>
        <button type="button" className="button primary touch" onClick={() => setDialog({ kind: "form", account: null })}>
          {s.add}
        </button>
      </div>
      <p className="muted">{s.intro}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {accounts === null ? (
        !error && <p className="muted">{t("common.loading")}</p>
      ) : list.length === 0 ? (
        <p className="card muted">{s.empty}</p>
      ) : (
        <ul className="staff-list" aria-label={s.listLabel}>
          {list.map((a) => {
            const may = accountActions(me, a);
            const self = a.id === me.id;
            return (
              <li key={a.id} className={`card staff-row${a.active ? "" : " is-inactive"}`} aria-label={a.displayName}>
                <span className="staff-info">
                  <strong className="staff-name">
                    {a.displayName} {self && <span className="muted small">({s.you})</span>}
                  </strong>
                  <span className="muted small staff-email">{a.email}</span>
                </span>
                <span className="staff-badges">
                  <span className={`badge role-badge role-${a.role.toLowerCase()}`}>{strings.roles[a.role]}</span>
                  {!a.active ? (
                    <span className="badge badge-inactive">{s.inactive}</span>
                  ) : !a.passwordSet ? (
                    <span className="badge badge-pending">{s.invitePending}</span>
                  ) : (
                    <span className="badge badge-active">{s.active}</span>
                  )}
                </span>
                <span className="staff-actions">
                  {may.edit && (
                    <button
                      type="button"
                      className="button touch"
                      onClick={() => setDialog({ kind: "form", account: a })}
                      aria-label={s.editLabel(a.displayName)}
                    >
                      {s.edit}
                    </button>
                  )}
                  {may.resetPassword && a.active && (
                    <button
                      type="button"
                      className="button ghost touch"
                      onClick={() => setDialog({ kind: "reset", account: a })}
                      aria-label={s.resetLabel(a.displayName)}
                    >
                      {s.resetPassword}
                    </button>
                  )}
                  {may.toggleActive &&
                    (a.active ? (
                      <button
                        type="button"
                        className="button ghost touch danger-text"
                        onClick={() => setDialog({ kind: "deactivate", account: a })}
                        aria-label={s.deactivateLabel(a.displayName)}
                      >
                        {s.deactivate}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button touch"
                        onClick={() => reactivate(a)}
                        aria-label={s.reactivateLabel(a.displayName)}
                      >
                        {s.reactivate}
                      </button>
                    ))}
                  {!may.edit && <span className="muted small">{s.ownerOnlyNote}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {dialog?.kind === "form" && (
        <StaffPageForm
          token={token}
          actor={me}
          account={dialog.account}
          onSaved={(res) => {
            put(res.staff);
            if (res.setupLink) setDialog({ kind: "link", account: res.staff, link: res.setupLink });
            else setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "deactivate" && (
        <ConfirmDialog
          title={s.deactivateTitle}
          message={s.confirmDeactivate(dialog.account.displayName)}
          confirmLabel={s.deactivate}
          onConfirm={() => setActive(dialog.account, false)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "reset" && (
        <ConfirmDialog
          title={s.resetTitle}
          message={s.confirmReset(dialog.account.displayName)}
          confirmLabel={s.resetPassword}
          onConfirm={() => reset(dialog.account)}
          onClose={() => setDialog((d) => (d?.kind === "reset" ? null : d))}
        />
      )}
      {dialog?.kind === "link" && <StaffPageLink name={dialog.account.displayName} link={dialog.link} onClose={() => setDialog(null)} />}
    </main>
  );
}
