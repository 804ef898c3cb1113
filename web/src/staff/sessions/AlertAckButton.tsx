import type { AlertDto } from "@ordered/contract/client";
import { useState } from "react";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";

interface Props {
  alert: AlertDto;
  /** Who called, as the panel names them. */
  who: string;
  /** The session's label, for the button's accessible name. */
  label: string;
  /** Another accessible name, where the same call's button shows twice (the feed and the table's sheet). */
  ariaLabel?: string;
}

/**
 * Acknowledges one call. The panel shows the change when the `alert:acknowledged` event
 * arrives, on every staff device at once; a colleague who was quicker gets a CONFLICT
 * naming them, shown here until that event removes the call.
 */
export function AlertAckButton({ alert, who, label, ariaLabel }: Props) {
  const commands = useCommands();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function acknowledge() {
    setBusy(true);
    setError(null);
    try {
      await commands.send("alert:acknowledge", { alertId: alert.id });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button primary small"
        disabled={busy || !commands.ready}
        onClick={acknowledge}
        aria-label={ariaLabel ?? strings.alerts.acknowledgeLabel[alert.kind](who, label)}
      >
        {strings.alerts.acknowledge}
      </button>
      {error && (
        <span role="alert" className="error small seat-call-error">
          {error}
        </span>
      )}
    </>
  );
}
