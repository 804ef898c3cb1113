import type { ConnectionState } from "../realtime/socket";
import { strings } from "../strings";

/** "Live" / "Reconnecting…" pill; role=status so screen readers hear changes. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  return (
    <p role="status" className={`connection connection-${state}`} data-state={state}>
      <span className="dot" aria-hidden="true" />
      {strings.connection[state]}
    </p>
  );
}
