import type { SessionAllergiesDto } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/http";
import { useLive } from "../../realtime/live-context";

export interface SessionAllergies {
  /** The session's declarations and the kitchen's acknowledgements; null until first read. */
  allergies: SessionAllergiesDto | null;
  /** The last read failed (shown until one succeeds). */
  error: string | null;
  /** What a PUT answered: shown at once, before its `allergies:changed` arrives. */
  put: (next: SessionAllergiesDto) => void;
}

/**
 * A session's declared allergies, live (issue 35). `allergies:changed` is not a logged session
 * event (it is private to staff, never replayed), so they are read with GET when the sheet or
 * the pad opens and again after every reconnect, and kept up to date by the event, which
 * carries them whole. A read that was under way when an event arrived is dropped: the event
 * is at least as new.
 */
export function useSessionAllergies(sessionId: string, token: string): SessionAllergies {
  const { connection } = useLive();
  const [allergies, setAllergies] = useState<SessionAllergiesDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by every event or PUT answer: a read started before one is older than it.
  const heard = useRef(0);
  const put = useCallback(
    (next: SessionAllergiesDto) => {
      if (next.sessionId !== sessionId) return;
      heard.current++;
      setAllergies(next);
    },
    [sessionId],
  );

  useEffect(() => {
    let stopped = false;
    const load = () => {
      const asked = heard.current;
      api("GET /api/sessions/:id/allergies", { token, params: { id: sessionId } }).then(
        (res) => {
          if (stopped || heard.current !== asked) return;
          setAllergies(res.allergies);
          setError(null);
        },
        (err: unknown) => {
          if (!stopped) setError(err instanceof Error ? err.message : String(err));
        },
      );
    };
    load();
    if (!connection) {
      return () => {
        stopped = true;
      };
    }
    connection.socket.on("allergies:changed", put);
    // Read again once the socket is in its rooms after each (re)connect (sync:done): a change
    // made before then was broadcast to rooms it was not in yet, and is not logged to replay.
    const synced = () => load();
    connection.socket.on("sync:done", synced);
    return () => {
      stopped = true;
      connection.socket.off("allergies:changed", put);
      connection.socket.off("sync:done", synced);
    };
  }, [connection, sessionId, token, put]);

  return { allergies, error, put };
}
