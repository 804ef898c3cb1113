import { type ReactNode, useEffect, useId, useRef } from "react";
import { t } from "../i18n/i18n";
import "./Modal.css";

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class on the dialog, e.g. to make it the only thing printed. */
  className?: string;
}

/**
 * A modal on the native <dialog>: showModal() gives the role, focus trapping, Escape and an
 * inert background for free; the heading names it.
 */
export function Modal({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      // Focus goes back to what opened the dialog; when that is gone (the session it closed, the
      // row it removed) to the page's main area, so the next Tab starts there, not at the top.
      if (opener?.isConnected && opener !== document.body) opener.focus();
      else focusMain();
    };
  }, []);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`modal ${className ?? ""}`}>
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button ghost no-print" onClick={onClose}>
          {t("common.close")}
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}

/** Focuses the page's <main> (made focusable by script only), the fallback after a dialog whose opener is gone. */
function focusMain(): void {
  const main = document.querySelector<HTMLElement>("main");
  if (!main) return;
  if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
  main.focus({ preventScroll: true });
}
