import type { OrderDto } from "@ordered/contract/client";
import { useState } from "react";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";
import { tableCourses } from "./pad-model";

/**
 * A table's courses on its card (issue 32, item 3): each held one with Fire, each one the
 * kitchen has not started with Hold. Both commands are idempotent: a second tap, or another
 * device's, answers the same.
 */
export function SessionCourses({ sessionId, label, orders }: { sessionId: string; label: string; orders: readonly OrderDto[] }) {
  const s = strings.courseHold;
  const commands = useCommands();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const courses = tableCourses(orders);
  if (courses.length === 0) return null;

  async function act(name: "course:fire" | "course:hold", courseId: string) {
    setBusy(courseId);
    setError(null);
    try {
      await commands.send(name, { sessionId, courseId });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="session-courses">
      <legend className="visually-hidden">{s.heading}</legend>
      {courses.map((c) => (
        <span key={c.courseId} className={c.held ? "session-course held" : "session-course"}>
          {c.held ? s.held(c.name) : s.live(c.name)}
          {c.held ? (
            <button
              type="button"
              className="button primary small"
              disabled={busy !== null || !commands.ready}
              aria-label={s.fireLabel(c.name, label)}
              onClick={() => act("course:fire", c.courseId)}
            >
              {s.fire}
            </button>
          ) : (
            <button
              type="button"
              className="button small"
              disabled={busy !== null || !commands.ready}
              aria-label={s.holdLabel(c.name, label)}
              onClick={() => act("course:hold", c.courseId)}
            >
              {s.hold}
            </button>
          )}
        </span>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
