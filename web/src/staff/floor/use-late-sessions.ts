import { useEffect, useRef, useState } from "react";
import { api } from "../../api/http";

/** How often the floor asks which orders are late (and at most how often a burst of events asks). */
const REFRESH_MS = 30_000;
const AT_MOST_MS = 5_000;

/**
 * The open sessions with an order late against the kitchen's own estimate (issue 35; GET
 * /api/estimates): read every half minute and, at most every few seconds, after the floor's
 * orders change (`version`: anything that changes with them), so a late table lights up without
 * anyone asking.
 */
export function useLateSessions(token: string, version: unknown): ReadonlySet<string> {
  const [late, setLate] = useState<ReadonlySet<string>>(() => new Set());
  const last = useRef(0);
  useEffect(() => {
    void version;
    let stopped = false;
    const load = () => {
      last.current = Date.now();
      void api("GET /api/estimates", { token }).then(
        (res) => {
          if (!stopped) setLate(new Set(res.estimates.filter((e) => e.late).map((e) => e.sessionId)));
        },
        () => {}, // the next read tries again
      );
    };
    const soon = setTimeout(load, Math.max(0, last.current + AT_MOST_MS - Date.now()));
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(soon);
      clearInterval(timer);
    };
  }, [token, version]);
  return late;
}
