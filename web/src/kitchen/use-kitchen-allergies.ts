import type { SessionAllergiesDto } from "@ordered/contract/client";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/http";
import type { Live } from "../realtime/use-live";

/**
 * The open sessions' declared allergies and the kitchen's acknowledgements (issue 35), by
 * session: read when the display connects and again after every reconnect (`allergies:changed`
 * is not logged, so one missed while away is read back), and kept up to date by
 * `allergies:changed`. `put` takes in an acknowledgement's own answer at once.
 */
export function useKitchenAllergies(token: string, live: Live) {
  const [bySession, setBySession] = useState<ReadonlyMap<string, SessionAllergiesDto>>(() => new Map());
  const put = useCallback((a: SessionAllergiesDto) => setBySession((m) => new Map(m).set(a.sessionId, a)), []);
  const { connection } = live;
  useEffect(() => {
    if (!connection) return;
    let stopped = false;
    const load = () =>
      void api("GET /api/kitchen/allergies", { token }).then(
        (res) => {
          if (!stopped) setBySession(new Map(res.allergies.map((a) => [a.sessionId, a])));
        },
        () => {}, // the next reconnect or change reads them again; the server refuses to start an unread ticket meanwhile
      );
    load();
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
  }, [connection, token, put]);
  return { bySession, put };
}
