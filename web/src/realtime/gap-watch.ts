import type { AppSocket } from "./socket";

/** How long events may wait behind a gap before we ask the server to replay. */
const GAP_PATIENCE_MS = 4000;

/**
 * A gap that does not fill (a live emit lost between instances) is repaired the way every
 * gap is: reconnect, and the handshake's cursors make the server replay what is missing.
 */
export function watchGaps(socket: AppSocket, hasGap: () => boolean): () => void {
  let since: number | null = null;
  const timer = setInterval(() => {
    if (!hasGap() || !socket.connected) {
      since = null;
      return;
    }
    since ??= Date.now();
    if (Date.now() - since > GAP_PATIENCE_MS) {
      since = null;
      socket.disconnect().connect();
    }
  }, 1000);
  return () => clearInterval(timer);
}
