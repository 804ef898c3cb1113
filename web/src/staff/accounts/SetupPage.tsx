import { LIMITS, type SetupInfoResponse } from "@ordered/contract/client";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api } from "../../api/http";
import { staffAuthStore } from "../../components/auth/staff-auth";
import { CenteredMessage } from "../../components/CenteredMessage";
import { Link } from "../../components/Link";
import { navigate } from "../../router";
import { strings } from "../../strings";
import { checkNewPassword, NewPasswordFields } from "./NewPasswordFields";
import { expiryText, homePathOf, setupTokenOf } from "./staff-accounts";
import "./SetupPage.css";

type Info = { kind: "loading" } | { kind: "ready"; info: SetupInfoResponse } | { kind: "invalid"; message: string };

/**
 * /setup#<token>: a new (or reset) account chooses its password through its one-time link,
 * and is signed in — the kitchen display for a KITCHEN account, the panel for the others.
 */
export function SetupPage() {
  const s = strings.setup;
  // Read once: the fragment is dropped from the address bar below, out of the history.
  const [token] = useState(() => setupTokenOf(location.hash));
  const [state, setState] = useState<Info>(() => (token ? { kind: "loading" } : { kind: "invalid", message: s.noToken }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    history.replaceState(null, "", location.pathname);
    let stale = false;
    api("GET /api/auth/setup", { query: { token } })
      .then((info) => !stale && setState({ kind: "ready", info }))
      .catch((err: unknown) => !stale && setState({ kind: "invalid", message: err instanceof Error ? err.message : String(err) }));
    return () => {
      stale = true;
    };
  }, [token]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!token) return;
    const form = e.currentTarget;
    const password = String(new FormData(form).get("password") ?? "");
    const problem = checkNewPassword(form, "password", s);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const res = await api("POST /api/auth/setup", { body: { token, password } });
      staffAuthStore.save({ token: res.token, staff: res.staff });
      navigate(homePathOf(res.staff.role), { replace: true });
    } catch (err) {
      // Used or expired meanwhile (another tab): the whole page says so, not just the form.
      if (err instanceof ApiError && err.code === "NOT_FOUND") setState({ kind: "invalid", message: err.message });
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  if (state.kind === "invalid") {
    return (
      <CenteredMessage title={s.invalidTitle} tone="error">
        <p role="alert">{state.message}</p>
        <p className="muted">{s.invalidHelp}</p>
        <Link href="/panel" className="button touch">
          {s.toLogin}
        </Link>
      </CenteredMessage>
    );
  }
  if (state.kind === "loading") return <CenteredMessage title={s.title}>{<p className="muted">{s.checking}</p>}</CenteredMessage>;

  const { info } = state;
  return (
    <main className="centered setup-page">
      <form onSubmit={submit} aria-label={s.title} className="centered-card stack" noValidate>
        <h1>{strings.appName}</h1>
        <p className="setup-for">{s.forWhom(info.displayName, info.locationName)}</p>
        <label className="field">
          <span>{s.email}</span>
          <input name="email" type="email" autoComplete="username" value={info.email} readOnly />
        </label>
        <NewPasswordFields
          name="password"
          label={s.password}
          confirmLabel={s.confirm}
          hintId="setup-hint"
          hint={
            <>
              {s.hint(LIMITS.auth.passwordMin)} {s.expires(expiryText(info.expiresAt))}
            </>
          }
          autoFocus
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary touch" disabled={busy}>
          {busy ? s.submitting : s.submit}
        </button>
      </form>
    </main>
  );
}
