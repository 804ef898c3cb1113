import { sendRoute } from "@ordered/contract/client";
import { useEffect, useRef } from "react";

/** After a failed wait (no network, a refusal), how long before the phone waits again. */
const RETRY_AFTER_FAILURE_MS = 10_000;

/**
 * While mounted, waits at a free table's card for staff to seat it: the server holds the
 * phone's request until then (GET /api/cards/:cardCode/seated, a long poll; server
 * tables/seat-waits.ts) or answers "not yet" after a while, and the phone asks again. `onSeated`
 * runs the moment the answer is "seated". The screen's own timer stays as the fallback.
 */
export function useSeatWait(cardCode: string, onSeated: () => Promise<void>): void {
  const seated = useRef(onSeated);
  seated.current = onSeated;
  useEffect(() => {
    const stop = new AbortController();
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        stop.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    void (async () => {
      while (!stop.signal.aborted) {
        let answer: Awaited<ReturnType<typeof sendRoute<"GET /api/cards/:cardCode/seated">>> | null = null;
        try {
          answer = await sendRoute("GET /api/cards/:cardCode/seated", { params: { cardCode } }, { signal: stop.signal });
        } catch {
          // No network, or the screen went away (aborted): the loop's condition decides.
        }
        if (stop.signal.aborted) return;
        if (answer?.ok && answer.body.seated) {
          await seated.current();
          // Still here (the join failed): the timer and the button go on; wait a while before the next wait.
          await pause(RETRY_AFTER_FAILURE_MS);
        } else if (!answer?.ok) {
          await pause(RETRY_AFTER_FAILURE_MS);
        }
      }
    })();
    return () => stop.abort();
  }, [cardCode]);
}
