import { type BumpStep, RECALL_WINDOW_MS } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { t } from "../i18n/i18n";
import type { Commands } from "../realtime/command";

/** How long a refused bump's reason stays on its ticket. */
export const ERROR_SHOWN_MS = 5000;

interface Undo {
  /** The status the bump moved the ticket to: the recall's `from`. */
  from: BumpStep;
  /** When the Undo goes: RECALL_WINDOW_MS after the bump was sent (the server's window starts later, at its move). */
  until: number;
}

/**
 * Bumping and recalling tickets over the socket (ticket:bump / ticket:recall): one command
 * in flight per ticket, the last bump of each ticket undoable for RECALL_WINDOW_MS, and a
 * refusal's reason (e.g. another screen moved it first) kept on the ticket for a moment.
 */
export function useTicketActions(commands: Commands) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [undos, setUndos] = useState<Readonly<Record<string, Undo>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending.values()) clearTimeout(t);
    };
  }, []);

  const showError = useCallback((ticketId: string, message: string) => {
    setErrors((e) => ({ ...e, [ticketId]: message }));
    clearTimeout(timers.current.get(ticketId));
    timers.current.set(
      ticketId,
      setTimeout(() => {
        timers.current.delete(ticketId);
        setErrors(({ [ticketId]: _gone, ...rest }) => rest);
      }, ERROR_SHOWN_MS),
    );
  }, []);

  const run = useCallback(
    async (ticketId: string, send: () => Promise<unknown>, after: (sentAt: number) => void) => {
      const sentAt = Date.now();
      setBusy((b) => new Set(b).add(ticketId));
      setErrors(({ [ticketId]: _gone, ...rest }) => rest);
      try {
        await send();
        after(sentAt);
      } catch (err) {
        showError(ticketId, err instanceof Error ? err.message : t("common.unexpectedError"));
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(ticketId);
          return next;
        });
      }
    },
    [showError],
  );

  const bump = useCallback(
    (ticketId: string, to: BumpStep) =>
      run(
        ticketId,
        () => commands.send("ticket:bump", { ticketId, to }),
        (sentAt) => setUndos((u) => ({ ...u, [ticketId]: { from: to, until: sentAt + RECALL_WINDOW_MS } })),
      ),
    [commands, run],
  );

  const recall = useCallback(
    (ticketId: string, from: BumpStep) =>
      run(
        ticketId,
        () => commands.send("ticket:recall", { ticketId, from }),
        () => setUndos(({ [ticketId]: _gone, ...rest }) => rest),
      ),
    [commands, run],
  );

  /** The status an Undo on this ticket would take it back from, if one is offered now. */
  const undoFrom = (ticketId: string, status: string, now: number): BumpStep | null => {
    const undo = undos[ticketId];
    return undo && undo.from === status && now < undo.until ? undo.from : null;
  };

  return { bump, recall, undoFrom, busy, errors };
}
