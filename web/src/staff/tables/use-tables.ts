import { useCallback, useEffect } from "react";
import { api } from "../../api/http";
import { useLatestList } from "../../api/use-latest-list";

/**
 * The location's tables in use, reloaded whenever `version` changes (a session opened or
 * closed, or the socket reconnected). Answers that come back out of order are dropped.
 */
export function useTables(token: string, version: number) {
  const load = useCallback(async () => (await api("GET /api/tables", { token })).tables, [token]);
  const { items: tables, error, reload, put } = useLatestList(load);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reason to reload
  useEffect(() => {
    void reload();
  }, [reload, version]);

  return { tables, error, reload, put };
}
