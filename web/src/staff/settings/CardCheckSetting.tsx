import { CARD_JOIN_CHECKS, type CardJoinCheck, type LocationDto } from "@ordered/contract/client";
import { strings } from "../../strings";
import { SettingError } from "./SettingStatus";
import { type LocationSettingProps, useLocationSave } from "./use-location-save";

/**
 * What a phone that joined through a table's card must do before its first order: type the
 * session's PIN, wait for staff to accept it, or nothing. Each option says which threat it
 * covers (docs/architecture.md, "Sessions, cards and the bill").
 */
export function CardCheckSetting({ token, location, maySet, onSaved }: LocationSettingProps) {
  const s = strings.tables;
  const { busy, error, save } = useLocationSave(token, onSaved);

  async function choose(current: LocationDto, cardJoinCheck: CardJoinCheck) {
    onSaved({ ...current, cardJoinCheck }); // at once; the answer (or an error) settles it
    if (!(await save({ cardJoinCheck }))) onSaved(current);
  }

  return (
    <section className="card setting" aria-labelledby="card-check-title">
      <h2 id="card-check-title">{s.cardCheckTitle}</h2>
      <p className="muted small">{s.cardCheckIntro}</p>
      <fieldset className="setting-choices" disabled={!maySet || busy || location === null}>
        <legend className="visually-hidden">{s.cardCheckTitle}</legend>
        {CARD_JOIN_CHECKS.map((check) => (
          <label key={check} className="setting-row">
            <input
              type="radio"
              name="card-join-check"
              value={check}
              checked={location?.cardJoinCheck === check}
              onChange={() => location && choose(location, check)}
              aria-describedby={`card-check-${check}`}
            />
            <span>
              {s.cardCheck[check].label}
              <span id={`card-check-${check}`} className="muted small setting-choice-hint">
                {s.cardCheck[check].hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {!maySet && <p className="muted small">{s.ownerOnly}</p>}
      <SettingError error={error} />
    </section>
  );
}
