/**
 * Which feed items this device marked seen: kept in localStorage so a reload keeps the feed
 * as its user left it, and per device, since each tablet's user has seen different things.
 * Keys are ActionItem keys (triage.ts), which name what an item asked for, so an order seen
 * while new still comes back when it is ready to deliver.
 */
import { useCallback, useMemo, useState } from "react";
import { storage } from "../../lib/storage";

const KEY = "ordered.panel.seen";
/** A mark older than a long shift is of no more use: its order or call is long finished. */
export const SEEN_KEPT_MS = 24 * 60 * 60_000;
/** A cap on what is stored, however busy the shift. */
export const SEEN_KEPT_MAX = 500;

/** Item key → when it was marked seen (ms since the epoch). */
export type SeenMarks = Record<string, number>;

/** The marks with `key` added at `now`, old ones dropped. */
export function markSeen(marks: SeenMarks, key: string, now: number): SeenMarks {
  return pruneSeen({ ...marks, [key]: now }, now);
}

/** Drops marks older than SEEN_KEPT_MS, then the oldest beyond SEEN_KEPT_MAX. */
export function pruneSeen(marks: SeenMarks, now: number): SeenMarks {
  const kept = Object.entries(marks)
    .filter(([, at]) => typeof at === "number" && now - at < SEEN_KEPT_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, SEEN_KEPT_MAX);
  return Object.fromEntries(kept);
}

/** The device's seen marks, and a way to add one. */
export function useSeen(): { seen: ReadonlySet<string>; markSeen: (key: string) => void } {
  const [marks, setMarks] = useState<SeenMarks>(() => pruneSeen(storage.get<SeenMarks>(KEY) ?? {}, Date.now()));
  const mark = useCallback((key: string) => {
    setMarks((current) => {
      // Another tab of this device may have marked items too: start from what is stored.
      const next = markSeen({ ...(storage.get<SeenMarks>(KEY) ?? {}), ...current }, key, Date.now());
      storage.set(KEY, next);
      return next;
    });
  }, []);
  const seen = useMemo(() => new Set(Object.keys(marks)), [marks]);
  return { seen, markSeen: mark };
}
