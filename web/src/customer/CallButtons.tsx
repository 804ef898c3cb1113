import type { AlertDto, AlertKind } from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import { useCommands } from "../realtime/live-context";
import { type CallView, canCall } from "./calls";
import type { EndReason } from "./phone-flow";
import { useCalls } from "./use-calls";

interface Props {
  me: string;
  alerts: readonly AlertDto[];
  onEnd: (reason: EndReason) => void;
}

/** "Call a waiter" and "Ask for the bill", each with the state of this phone's last call of its kind. */
export function CallButtons({ me, alerts, onEnd }: Props) {
  const { ready } = useCommands();
  const { views, raise } = useCalls(me, alerts, onEnd);
  return (
    <section aria-label={t("calls.title")} className="calls">
      {(["WAITER", "BILL"] as const).map((kind) => (
        <CallButton key={kind} kind={kind} view={views[kind]} disabled={!ready || !canCall(views[kind])} onCall={() => raise(kind)} />
      ))}
    </section>
  );
}

function CallButton({ kind, view, disabled, onCall }: { kind: AlertKind; view: CallView; disabled: boolean; onCall: () => void }) {
  const text = callText(kind, view);
  return (
    <div className={`call call-${view.state}`} data-kind={kind.toLowerCase()}>
      <button type="button" className="button call-button" disabled={disabled} onClick={onCall} aria-describedby={`call-state-${kind}`}>
        {t(`calls.button.${kind}`)}
      </button>
      <p id={`call-state-${kind}`} className="call-state" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

function callText(kind: AlertKind, view: CallView): string {
  switch (view.state) {
    case "idle":
      return t(`calls.idle.${kind}`);
    case "sending":
      return t("calls.sending");
    case "waiting":
      return t(`calls.waiting.${kind}`);
    case "seen": {
      const by = view.alert.acknowledgedBy;
      return by ? t("calls.seenBy", { by }) : t("calls.seen");
    }
    case "failed":
      return t("calls.failed", { message: view.message });
  }
}
