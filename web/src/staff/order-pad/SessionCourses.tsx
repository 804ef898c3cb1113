import type { OrderDto } from "@ordered/contract/client";
import { useState } from "react";
import { useCommands } from "../../realtime/live-context";
import { strings } from "../../strings";
import { courseProgress, tableCourses } from "./pad-model";

/**
 * A table's courses on its sheet (issue 32, items 3 and 6), in a row that says where each
 * stands ("Starters ready", "Mains held"), each held one with Fire in sight; the ones no
 * station started behind "Hold a course…" (holding is the exception, so it does not crowd
 * every sheet). Both commands are idempotent: a second tap, or another device's, answers
 * the same.
 */
export function SessionCourses({ sessionId, orders, canFire }: { sessionId: string; orders: readonly OrderDto[]; canFire: boolean }) {
  const s = strings.courseHold;
  const commands = useCommands();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = courseProgress(orders);
  if (progress.length === 0) return null;
  const holdable = tableCourses(orders).filter((c) => !c.held && c.holdable);

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
      <ul className="course-strip" aria-label={s.heading}>
        {progress.map((c) => (
          <li key={c.courseId} className={`session-course stage-${c.stage}`}>
            <span>{s.stage[c.stage](c.name)}</span>
            {c.stage === "held" && canFire && (
              <button
                type="button"
                className="button primary small"
                disabled={busy || !commands.ready}
                aria-label={s.fireLabel(c.name)}
                onClick={() => act("course:fire", c.courseId)}
              >
                {s.fire}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canFire && holdable.length > 0 && (
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
