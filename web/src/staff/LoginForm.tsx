import { LIMITS, type LoginResponse } from "@ordered/contract";
import { type FormEvent, useState } from "react";
import { api } from "../api/http";
import { strings } from "../strings";
import type { StaffAuth } from "./staff-auth";

export function LoginForm({ onLogin }: { onLogin: (auth: StaffAuth) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await api<LoginResponse>("/auth/login", {
        body: { email: form.get("email"), password: form.get("password") },
      });
      onLogin({ token: res.token, staff: res.staff });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form onSubmit={submit} aria-label={strings.login.form} className="centered-card stack">
        <h1>{strings.appName}</h1>
        <p className="muted">{strings.login.title}</p>
        <label className="field">
          <span>{strings.login.email}</span>
          <input name="email" type="email" autoComplete="username" maxLength={LIMITS.auth.emailLength} required autoFocus />
        </label>
        <label className="field">
          <span>{strings.login.password}</span>
          <input name="password" type="password" autoComplete="current-password" maxLength={LIMITS.auth.passwordLength} required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? strings.login.submitting : strings.login.submit}
        </button>
      </form>
    </main>
  );
}
