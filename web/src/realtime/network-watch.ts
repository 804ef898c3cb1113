import type { AppSocket } from "./socket";

/**
 * A phone that goes offline or to sleep keeps a dead socket until the ping times out
 * (up to ~40 s). The browser knows sooner: drop the socket when it goes offline, so
 * commands wait honestly, and reconnect as soon as it is back, so the handshake's cursors
 * replay what was missed.
 */
export function watchNetwork(socket: AppSocket): () => void {
  const offline = () => socket.disconnect();
  const online = () => {
    if (!socket.connected) socket.connect();
  };
  // Back from sleep: the socket may be stale even though the browser never went offline.
  let hiddenAt = 0;
  const visibility = () => {
    if (document.visibilityState === "hidden") hiddenAt = Date.now();
    else if (hiddenAt && Date.now() - hiddenAt > 30_000 && navigator.onLine) socket.disconnect().connect();
  };
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  document.addEventListener("visibilitychange", visibility);
  return () => {
    window.removeEventListener("offline", offline);
    window.removeEventListener("online", online);
    document.removeEventListener("visibilitychange", visibility);
  };
}
