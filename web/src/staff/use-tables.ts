import type { TableDto, TableListResponse } from "@ordered/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/http";

/**
 * The location's tables in use, reloaded whenever `version` changes (a seating opened or
 * closed, or the socket reconnected). Answers that come back out of order are dropped.
 */
export function useTables(token: string, version: number) {
  const [tables, setTables] = useState<TableDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const res = await api<TableListResponse>("/tables", { token });
      if (ticket !== latest.current) return;
      setTables(res.tables);
      setError(null);
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof Error ? err.message : String(err));
    }
  }, [token]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reason to reload
  useEffect(() => {
    void reload();
  }, [reload, version]);

  /** Takes tables from an action's answer (and stops an older reload from undoing it). */
  const put = useCallback((next: TableDto[]) => {
    latest.current++;
    setTables(next);
  }, []);

  return { tables, error, reload, put };
}
