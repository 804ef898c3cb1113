import { t } from "../i18n/i18n";
import type { ConnectionState } from "../realtime/socket";
import "./ConnectionIndicator.css";

/** "Live" / "Reconnecting…" pill; role=status so screen readers hear changes. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  return (
    <p role="status" className={`connection connection-${state}`} data-state={state}>
      <span className="dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}
