import type { OrderDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import { formatTime } from "../lib/money";
import { stationParts, timelineSteps } from "./timeline-steps";

/** The order's stages, each with the time it happened (in the phone's locale); while it is prepared, each station's part under them ("Kitchen: preparing · Bar: ready"). */
export function OrderTimeline({ order }: { order: OrderDto }) {
  const parts = stationParts(order);
  return (
    <>
      <ol className="timeline">
        {timelineSteps(order).map((s) => (
          <li key={s.key} className={`step ${s.state}`} aria-current={s.state === "current" ? "step" : undefined} data-step={s.key}>
            <span className="step-name">{t(`customer.timeline.${s.key}`)}</span>
            {s.at && " "}
            {s.at && (
              <time className="step-time" dateTime={s.at}>
                {formatTime(s.at)}
              </time>
            )}
          </li>
        ))}
      </ol>
      {parts.length > 0 && (
        <ul className="timeline-parts" aria-label={t("kitchen.parts")}>
          {parts.map((p) => (
            <li
              key={p.ticketId}
              className={`timeline-part part-${p.held === null ? p.status.toLowerCase() : "held"}`}
              data-status={p.held === null ? p.status : "HELD"}
            >
              {p.held === null
                ? t("kitchen.part", { station: p.station, status: t(`kitchen.partStatus.${p.status}`) })
                : t("customer.heldCourse", { course: p.held })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
