import { LIMITS } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";
import type { StaffAuth } from "./staff-auth";
import "./auth.css";

/**
 * A device that logged in with an email keeps the server's proof of it, so that someone else
 * guessing that account's password cannot lock this device out (server/src/auth/login-throttle.ts).
 */
const deviceKey = (email: string) => `ordered.device:${email}`;

function readDeviceToken(email: string): string | null {
  try {
    return localStorage.getItem(deviceKey(email));
  } catch {
    return null; // storage disabled: this device is simply not known
  }
}

function saveDeviceToken(email: string, token: string): void {
  try {
    localStorage.setItem(deviceKey(email), token);
  } catch {
    // storage disabled or full: the next login counts as an unknown device's, nothing more
  }
}

/**
 * The staff sign-in. `notice` says why the panel signed itself out (e.g. the account was
 * deactivated); where a KITCHEN account goes next is StaffApp's to decide (homePathOf).
 */
export function LoginForm({ onLogin, notice }: { onLogin: (auth: StaffAuth) => void; notice?: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const email = String(form.get("email") ?? "")
        .trim()
        .toLowerCase();
      const deviceToken = readDeviceToken(email);
      const res = await api("POST /api/auth/login", {
        body: { email, password: String(form.get("password") ?? ""), ...(deviceToken ? { deviceToken } : {}) },
      });
      if (res.deviceToken) saveDeviceToken(email, res.deviceToken);
      onLogin({ token: res.token, staff: res.staff });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="centered login">
      <form onSubmit={submit} aria-label={strings.login.form} className="centered-card stack">
        <h1>{strings.appName}</h1>
        <p className="muted">{strings.login.title}</p>
        {notice && (
          <p role="status" className="notice signed-out-notice">
            {notice}
          </p>
        )}
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
