import { useId } from "react";
import { strings } from "../../strings";
import { localHostOf } from "./local-url";

/**
 * Says plainly, before anything is printed, that the QR codes point at this computer (the
 * server runs without PUBLIC_URL) and how to fix it. A note, not a stop: printing still works,
 * e.g. for a test run on one machine. Renders nothing when phones can reach the URL.
 */
export function LocalUrlNotice({ url, className }: { url: string | null | undefined; className?: string }) {
  const titleId = useId();
  const host = localHostOf(url);
  if (!host) return null;
  const s = strings.localUrl;
  return (
    <div role="note" aria-labelledby={titleId} className={`notice local-url-notice ${className ?? ""}`}>
      <p id={titleId} className="local-url-title">
        <strong>{s.title}</strong>
      </p>
      <p>{s.body(host)}</p>
      <p>
        {s.fixBefore}
        <code>{s.example}</code>
        {s.fixAfter}
      </p>
    </div>
  );
}
