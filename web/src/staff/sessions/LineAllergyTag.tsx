import { hasConflicts } from "@ordered/contract/client";
import { formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { conflictWords, declaredWords, guestName, type LineAllergy, type OrderAck } from "./allergy-view";
import "./allergies.css";

/**
 * Beside an order's line whose guest declared allergies or diets: what they declared ("⚠ Peanuts,
 * Milk"), and what the dish contains against it ("contains peanuts"), so the waiter sees it
 * when serving. Nothing for a line nobody declared anything for.
 */
export function LineAllergyTag({ allergy, names }: { allergy: LineAllergy | null; names: ReadonlyMap<string, string> }) {
  if (!allergy) return null;
  const s = strings.staffAllergies;
  const what = declaredWords(allergy.declaration) || allergy.declaration.note || "";
  return (
    <span className="line-allergy" data-line-allergy={allergy.guest} title={allergy.declaration.note ?? undefined}>
      <span className="line-allergy-tag">
        <span className="visually-hidden">{s.lineOf(guestName(allergy.guest, names))}</span>
        {s.lineTag(what)}
      </span>
      {hasConflicts(allergy.conflicts) && <strong className="line-allergy-conflict">{conflictWords(allergy.conflicts)}</strong>}
    </span>
  );
}

/** Under an order whose lines are for a declared guest: the kitchen read the declaration on its tickets (who, when). */
export function OrderAllergyAcks({ acks }: { acks: readonly OrderAck[] }) {
  if (acks.length === 0) return null;
  const s = strings.staffAllergies;
  return (
    <ul className="order-allergy-acks">
      {acks.map((a) => {
        const who = a.by ?? s.readSomeone;
        const text = acks.length > 1 ? s.readByStation(a.station, who, formatTime(a.at)) : s.readBy(who, formatTime(a.at));
        return (
          <li key={a.ticketId} className={a.stale ? "stale" : undefined}>
            {text}
            {a.stale && ` · ${s.readStale}`}
          </li>
        );
      })}
    </ul>
  );
}
