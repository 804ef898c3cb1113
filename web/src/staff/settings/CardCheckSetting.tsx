import { CARD_JOIN_CHECKS, type CardJoinCheck, type LocationDto } from "@ordered/contract/client";
import { useState } from "react";
import { api } from "../../api/http";
import { strings } from "../../strings";

interface Props {
  token: string;
  /** null while loading. */
  location: LocationDto | null;
  /** Whether this account may change the location's settings (the permission location.settings). */
  maySet: boolean;
  onSaved: (location: LocationDto) => void;
}

/**
 * What a phone that joined through a table's card must do before its first order: type the
 * session's PIN, wait for staff to accept it, or nothing. Each option says which threat it
 * covers (docs/architecture.md, "Sessions, cards and the bill").
 */
export function CardCheckSetting({ token, location, maySet, onSaved }: Props) {
  const s = strings.tables;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(current: LocationDto, cardJoinCheck: CardJoinCheck) {
    setBusy(true);
    setError(null);
    onSaved({ ...current, cardJoinCheck }); // at once; the answer (or an error) settles it
    try {
      const res = await api("PATCH /api/location", { token, body: { cardJoinCheck } });
      onSaved(res.location);
    } catch (err) {
      onSaved(current);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
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
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </section>
  );
}
