import {
  ALLERGENS,
  type AllergyDeclarationDto,
  type CustomerDto,
  DECLARABLE_DIETS,
  type SessionAllergiesDto,
} from "@ordered/contract/client";
import { useId, useState } from "react";
import { formatTime } from "../../lib/money";
import { strings } from "../../strings";
import { AllergyDialog } from "./AllergyDialog";
import { allergenName, dietName, guestName, sortedDeclarations } from "./allergy-view";
import "./allergies.css";

interface Props {
  sessionId: string;
  label: string;
  /** The table's declarations that say something, by guest (allergy-view.ts declarationsByGuest). */
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>;
  /** The last read of them failed. */
  error: string | null;
  customers: readonly CustomerDto[];
  names: ReadonlyMap<string, string>;
  token: string;
  onSaved: (allergies: SessionAllergiesDto) => void;
}

/**
 * A table's declared allergies and diets at the top of its sheet (issue 35): whose (a phone by
 * its name, or a seat), what, the note, and who recorded it; staff record a seat's or change
 * one. Loud when there are any: the waiter must not miss them when taking or serving an order.
 */
export function SessionAllergies({ sessionId, label, byGuest, error, customers, names, token, onSaved }: Props) {
  const s = strings.staffAllergies;
  const headingId = useId();
  const [dialog, setDialog] = useState<{ editing?: AllergyDeclarationDto } | null>(null);
  const declarations = sortedDeclarations(byGuest, names);
  const some = declarations.length > 0;

  return (
    <section
      className={some ? "sheet-allergies declared" : "sheet-allergies"}
      aria-labelledby={headingId}
      data-allergies={declarations.length}
    >
      <div className="sheet-allergies-head">
        <h4 id={headingId} className="seat-heading">
          {some && (
            <span className="allergy-mark" aria-hidden="true">
              ⚠
            </span>
          )}
          {s.heading} <span className="count">{declarations.length}</span>
        </h4>
        <button
          type="button"
          className="button small"
          aria-haspopup="dialog"
          aria-label={s.recordLabel(label)}
          onClick={() => setDialog({})}
        >
          {s.record}
        </button>
      </div>
      {error && (
        <p role="alert" className="error small">
          {s.loadFailed(error)}
        </p>
      )}
      {!some ? (
        <p className="muted small">{s.none}</p>
      ) : (
        <ul className="allergy-list">
          {declarations.map((d) => {
            const who = guestName(d.guest, names);
            const when = formatTime(d.updatedAt);
            return (
              <li key={d.id} className="allergy-declaration" aria-label={who} data-guest={d.guest}>
                <div className="allergy-declaration-head">
                  <strong className="allergy-guest">{who}</strong>
                  <span className="muted small">{d.changedBy ? s.byStaff(d.changedBy, when) : s.byGuest(when)}</span>
                  <button
                    type="button"
                    className="button ghost small allergy-edit"
                    aria-haspopup="dialog"
                    aria-label={s.editLabel(who)}
                    onClick={() => setDialog({ editing: d })}
                  >
                    {s.edit}
                  </button>
                </div>
                {(d.allergens.length > 0 || d.diets.length > 0) && (
                  <ul className="allergy-tags">
                    {ALLERGENS.filter((a) => d.allergens.includes(a)).map((a) => (
                      <li key={a} className="allergy-tag">
                        {allergenName(a)}
                      </li>
                    ))}
                    {DECLARABLE_DIETS.filter((x) => d.diets.includes(x)).map((x) => (
                      <li key={x} className="diet-tag">
                        {dietName(x)}
                      </li>
                    ))}
                  </ul>
                )}
                {d.note && (
                  <p className="allergy-note">
                    <span className="muted">{s.note}:</span> {d.note}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dialog && (
        <AllergyDialog
          sessionId={sessionId}
          label={label}
          editing={dialog.editing}
          byGuest={byGuest}
          customers={customers}
          names={names}
          token={token}
          onSaved={onSaved}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
