import type { OrderDto } from "@ordered/contract/client";
import { useState } from "react";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";
import { tableCourses } from "./pad-model";

/**
 * A table's courses on its card (issue 32, item 3): each held one with Fire, in sight; the
 * ones no station started behind "Hold a course…" (holding is the exception, so it does not
 * crowd every card). Both commands are idempotent: a second tap, or another device's,
 * answers the same.
 */
export function SessionCourses({ sessionId, orders }: { sessionId: string; orders: readonly OrderDto[] }) {
  const s = strings.courseHold;
  const commands = useCommands();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const courses = tableCourses(orders);
  if (courses.length === 0) return null;
  const held = courses.filter((c) => c.held);
  const holdable = courses.filter((c) => !c.held && c.holdable);

  async function act(name: "course:fire" | "course:hold", courseId: string) {
    setBusy(true);
    setError(null);
    try {
      await commands.send(name, { sessionId, courseId });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="session-courses">
      {held.map((c) => (
        <span key={c.courseId} className="session-course held">
          {s.held(c.name)}
          <button
            type="button"
            className="button primary small"
            disabled={busy || !commands.ready}
            aria-label={s.fireLabel(c.name)}
            onClick={() => act("course:fire", c.courseId)}
          >
            {s.fire}
          </button>
        </span>
      ))}
      {holdable.length > 0 && (
        <details className="session-course-holds">
          <summary>{s.holdMenu}</summary>
          {holdable.map((c) => (
            <button
              key={c.courseId}
              type="button"
              className="button small"
              disabled={busy || !commands.ready}
              aria-label={s.holdLabel(c.name)}
              onClick={() => act("course:hold", c.courseId)}
            >
              {s.hold(c.name)}
            </button>
          ))}
        </details>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
