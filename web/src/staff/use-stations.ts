import type { StationDto, StationListResponse } from "@ordered/contract/client";
import { useCallback, useEffect } from "react";
import { api } from "../api/http";
import { useLatestList } from "../api/use-latest-list";
import { useLive } from "../realtime/live-context";

/**
 * The location's stations in their order, reloaded like the categories (on `menu:changed`
 * and after a reconnect); answers that come back out of order are dropped.
 */
export function useStations(token: string) {
  const { connection } = useLive();
  const load = useCallback(async () => (await api<StationListResponse>("/stations", { token })).stations, [token]);
  const { items: stations, error, reload, put: putList } = useLatestList(load);

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

  const put = useCallback((next: StationDto[]) => putList([...next].sort((a, b) => a.position - b.position)), [putList]);

  return { stations, error, reload, put };
}
