import type { SetupLinkDto } from "@ordered/contract/client";
import { useRef, useState } from "react";
import { Modal } from "../../components/Modal";
import { strings } from "../../strings";
import { expiryText } from "./staff-accounts";

/**
 * The one-time link that lets a new (or reset) account choose its password, shown once to
 * whoever made it: to copy and hand over, since no email is sent. It works once and expires.
 */
export function StaffPageLink({ name, link, onClose }: { name: string; link: SetupLinkDto; onClose: () => void }) {
  const s = strings.staffAccounts;
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("yes");
    } catch {
      // No clipboard (plain http, a refused permission): select it for copying by hand.
      field.current?.select();
      setCopied("failed");
    }
  }

  return (
    <Modal title={s.linkTitle(name)} onClose={onClose} className="setup-link-dialog">
      <div className="stack">
        <p>{s.linkIntro(name)}</p>
        <label className="field">
          <span>{s.linkLabel}</span>
          <input
            ref={field}
            className="setup-link"
            readOnly
            value={link.url}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby="setup-link-note"
          />
        </label>
        <p id="setup-link-note" className="notice">
          {s.linkOnce(expiryText(link.expiresAt))}
        </p>
        {copied === "failed" && (
          <p role="alert" className="error small">
            {s.copyFailed}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button primary touch" onClick={copy} autoFocus>
            {s.copy}
          </button>
          <span role="status" className="copied-status">
            {copied === "yes" ? s.copied : ""}
          </span>
          <button type="button" className="button touch" onClick={onClose}>
            {s.done}
          </button>
        </div>
      </div>
    </Modal>
  );
}
