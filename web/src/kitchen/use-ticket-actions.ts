import { type BumpStep, type KitchenOrderDto, type SessionAllergiesDto, type TicketMoves, undoableBump } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { t } from "../i18n/i18n";
import type { Commands } from "../realtime/command";

/** How long a refused bump's reason stays on its ticket. */
export const ERROR_SHOWN_MS = 5000;

/**
 * Bumping and recalling tickets over the socket (ticket:bump / ticket:recall): one command
 * in flight per ticket, and a refusal's reason (e.g. another screen moved it first) kept on
 * the ticket for a moment. The Undo is not remembered here: it is read from the ticket the
 * server sends (undoableBump: its last move a bump, within RECALL_WINDOW_MS), so it survives
 * a reload and shows on every display of the station, as the server would accept it.
 */
export function useTicketActions(commands: Commands) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  /**
   * How far the server's clock is ahead of this screen's (ms), learned from our own moves:
   * an ack's movedAt is the server's time a moment before it arrived. A wall tablet's clock can
   * be minutes off, which would hide or prolong every Undo; before any move it is taken as 0.
   */
  const skew = useRef(0);

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

  /** One command on a ticket at a time; its answer to `done`, its refusal shown on the ticket. */
  const run = useCallback(
    async <T>(ticketId: string, send: () => Promise<T>, done: (answer: T) => void) => {
      setBusy((b) => new Set(b).add(ticketId));
      setErrors(({ [ticketId]: _gone, ...rest }) => rest);
      try {
        done(await send());
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

  // A move's answer says the server's time of it: how far this screen's clock is off.
  const moved = useCallback((ticketId: string, { order }: { order: KitchenOrderDto }) => {
    const ticket = order.tickets.find((t) => t.id === ticketId);
    if (ticket) skew.current = Date.parse(ticket.movedAt) - Date.now();
  }, []);

  const bump = useCallback(
    (ticketId: string, to: BumpStep) =>
      run(
        ticketId,
        () => commands.send("ticket:bump", { ticketId, to }),
        (answer) => moved(ticketId, answer),
      ),
    [commands, run, moved],
  );

  const recall = useCallback(
    (ticketId: string, from: BumpStep) =>
      run(
        ticketId,
        () => commands.send("ticket:recall", { ticketId, from }),
        (answer) => moved(ticketId, answer),
      ),
    [commands, run, moved],
  );

  /** The station read the declared allergies its lines call for (issue 35): `onRead` takes the session's as they are now. */
  const acknowledge = useCallback(
    (ticketId: string, onRead: (allergies: SessionAllergiesDto) => void) =>
      run(
        ticketId,
        () => commands.send("ticket:acknowledge-allergies", { ticketId }),
        (answer) => onRead(answer.allergies),
      ),
    [commands, run],
  );

  /** The status an Undo on this ticket would take it back from, if one is offered at `now` (this screen's clock). */
  const undoFrom = (ticket: TicketMoves, now: number): BumpStep | null => undoableBump(ticket, now + skew.current);

  return { bump, recall, acknowledge, undoFrom, busy, errors };
}
