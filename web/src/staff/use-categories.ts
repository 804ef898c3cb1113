import type { CategoryDto, CategoryListResponse } from "@ordered/contract/client";
import { useCallback, useEffect } from "react";
import { api } from "../api/http";
import { useLatestList } from "../api/use-latest-list";
import { useLive } from "../realtime/live-context";

/**
 * The location's categories (hidden ones too) in their order, reloaded when any staff
 * changes them (`menu:changed`) and after a reconnect, which may have missed that event.
 * Answers that come back out of order are dropped.
 */
export function useCategories(token: string) {
  const { connection } = useLive();
  const load = useCallback(async () => (await api<CategoryListResponse>("/categories", { token })).categories, [token]);
  const { items: categories, error, reload, put: putList } = useLatestList(load);

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
  const put = useCallback((next: CategoryDto[]) => putList([...next].sort((a, b) => a.position - b.position)), [putList]);

  return { categories, error, reload, put };
}
