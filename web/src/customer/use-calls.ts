import { ALERT_KINDS, type AlertDto, type AlertKind } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { CommandError } from "../realtime/command";
import { useCommands } from "../realtime/live-context";
import { type CallView, callView, lastCall } from "./calls";
import { type EndReason, endReasonOf } from "./phone-flow";

type PerKind<T> = Record<AlertKind, T>;
const perKind = <T>(value: T): PerKind<T> => ({ WAITER: value, BILL: value });

/**
 * "Call a waiter" and "Ask for the bill". A raise is sent until answered: the server returns
 * the pending call of the same kind instead of making a second one, so a lost ack, a
 * reconnect or a double tap never makes two calls. Taps while one is being sent or waiting
 * do nothing here already (the ref guards taps faster than a render).
 */
export function useCalls(me: string, alerts: readonly AlertDto[], onEnd: (reason: EndReason) => void) {
  const commands = useCommands();
  const [sending, setSending] = useState<PerKind<boolean>>(() => perKind(false));
  const [errors, setErrors] = useState<PerKind<string | null>>(() => perKind(null));
  const [acked, setAcked] = useState<PerKind<AlertDto | null>>(() => perKind(null));
  const inFlight = useRef<PerKind<boolean>>(perKind(false));
  const aborts = useRef(new Set<AbortController>());
  const ended = useRef(onEnd);
  ended.current = onEnd;

  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const a of pending) a.abort();
    };
  }, []);

  const views = Object.fromEntries(
    ALERT_KINDS.map((kind) => [kind, callView(sending[kind], errors[kind], lastCall(kind, me, alerts, acked[kind]))]),
  ) as PerKind<CallView>;
  const waiting = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, views[kind].state === "waiting"])) as PerKind<boolean>;
  const waitingRef = useRef(waiting);
  waitingRef.current = waiting;

  const raise = useCallback(
    (kind: AlertKind) => {
      if (inFlight.current[kind] || waitingRef.current[kind]) return;
      inFlight.current[kind] = true;
      setSending((s) => ({ ...s, [kind]: true }));
      setErrors((e) => ({ ...e, [kind]: null }));
      const abort = new AbortController();
      aborts.current.add(abort);
      commands
        .sendUntilAnswered("alert:raise", { kind }, abort.signal)
        .then(({ alert }) => setAcked((a) => ({ ...a, [kind]: alert })))
        .catch((err: unknown) => {
          if (abort.signal.aborted) return;
          const reason = err instanceof CommandError ? endReasonOf(err.code) : null;
          if (reason) return ended.current(reason);
          setErrors((e) => ({ ...e, [kind]: err instanceof Error ? err.message : String(err) }));
        })
        .finally(() => {
          aborts.current.delete(abort);
          if (abort.signal.aborted) return;
          inFlight.current[kind] = false;
          setSending((s) => ({ ...s, [kind]: false }));
        });
    },
    [commands],
  );

  return { views, raise };
}
