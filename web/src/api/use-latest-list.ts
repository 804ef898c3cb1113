import { useCallback, useRef, useState } from "react";

/**
 * A list fetched from the API and reloaded on demand, where the latest request wins: an
 * answer that comes back after a newer request (or after `put`, which takes a list from an
 * action's own answer) is dropped, so an older reload never undoes a newer state.
 */
export function useLatestList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await load();
      if (ticket !== latest.current) return;
      setItems(next);
      setError(null);
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof Error ? err.message : String(err));
    }
  }, [load]);

  const put = useCallback((next: T[]) => {
    latest.current++;
    setItems(next);
  }, []);

  return { items, error, reload, put };
}
