import { LIMITS } from "@ordered/contract/client";
import type { ReactNode } from "react";
import { newPasswordError } from "./staff-accounts";

interface Props {
  /** The new password's field name: "password" on the setup page, "newPassword" when staff change theirs. */
  name: string;
  label: string;
  confirmLabel: string;
  /** The hint under the fields (the password rule), named by the new password's field. */
  hintId: string;
  hint: ReactNode;
  autoFocus?: boolean;
}

/** A new password, its confirmation and the rule under them: the setup page and changing one's own password. */
export function NewPasswordFields({ name, label, confirmLabel, hintId, hint, autoFocus }: Props) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          name={name}
          type="password"
          autoComplete="new-password"
          minLength={LIMITS.auth.passwordMin}
          maxLength={LIMITS.auth.passwordLength}
          required
          autoFocus={autoFocus}
          aria-describedby={hintId}
        />
      </label>
      <label className="field">
        <span>{confirmLabel}</span>
        <input name="confirm" type="password" autoComplete="new-password" maxLength={LIMITS.auth.passwordLength} required />
      </label>
      <small id={hintId} className="muted">
        {hint}
      </small>
    </>
  );
}

/**
 * Checks the form's new password and its confirmation (NewPasswordFields): on a problem it
 * focuses the field to fix and returns the message to show; null when they will do.
 */
export function checkNewPassword(
  form: HTMLFormElement,
  name: string,
  messages: { tooShort: (min: number) => string; mismatch: string },
): string | null {
  const data = new FormData(form);
  const problem = newPasswordError(String(data.get(name) ?? ""), String(data.get("confirm") ?? ""));
  if (!problem) return null;
  form.querySelector<HTMLInputElement>(`[name=${problem === "short" ? name : "confirm"}]`)?.focus();
  return problem === "short" ? messages.tooShort(LIMITS.auth.passwordMin) : messages.mismatch;
}
