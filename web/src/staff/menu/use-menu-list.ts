import { useCallback, useEffect } from "react";
import { useLatestList } from "../../api/use-latest-list";
import { useLive } from "../../realtime/live-context";

/**
 * A list of the menu's records (categories, stations) in their order: loaded, reloaded when
 * any staff changes the menu (`menu:changed`) and after a reconnect, which may have missed
 * that event. Answers that come back out of order are dropped (useLatestList).
 */
export function useMenuList<T extends { position: number }>(load: () => Promise<T[]>) {
  const { connection } = useLive();
  const { items, error, reload, put: putList } = useLatestList(load);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!connection) return;
    const changed = () => void reload();
    connection.socket.on("menu:changed", changed);
    const offReconnect = connection.onReconnect(changed);
    return () => {
      connection.socket.off("menu:changed", changed);
      offReconnect();
    };
  }, [connection, reload]);

  /** Takes the list from an action's answer (and stops an older reload from undoing it). */
  const put = useCallback((next: T[]) => putList([...next].sort((a, b) => a.position - b.position)), [putList]);

  return { items, error, reload, put };
}
