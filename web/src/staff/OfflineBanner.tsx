import type { ConnectionState } from "../realtime/socket";
import { strings } from "../strings";

/**
 * A banner nobody misses while the panel has no live connection (the browser is offline, or
 * the socket is trying to reconnect): what is on screen may be behind, and commands wait.
 * role=alert: announced once when it appears. Not shown while first connecting.
 */
export function OfflineBanner({ state }: { state: ConnectionState }) {
  if (state !== "offline" && state !== "reconnecting") return null;
  return (
    <p role="alert" className="offline-banner" data-state={state}>
      <span className="offline-dot" aria-hidden="true" />
      {strings.triage.offline}
    </p>
  );
}
