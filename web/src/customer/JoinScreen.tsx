import { type CardInfoResponse, type JoinResponse, LIMITS } from "@ordered/contract";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/http";
import { strings } from "../strings";
import type { Entry } from "./customer-storage";
import { type JoinRefusal, joinBody, joinRefusalOf } from "./phone-flow";

interface Props {
  entry: Entry;
  /** A card's table and venue, to greet with (null for a join code, or when it could not be loaded). */
  card: CardInfoResponse | null;
  onJoined: (res: JoinResponse) => void;
  /** The join was refused: the seating closed, the code is not one, or the card's table is free. */
  onRefused: (refusal: JoinRefusal, displayName: string) => void;
}

/** Joins with an optional name, through a session's code or a table's card. */
export function JoinScreen({ entry, card, onJoined, onRefused }: Props) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onJoined(await api<JoinResponse>("/sessions/join", { body: joinBody(entry, name) }));
    } catch (err) {
      const refusal = err instanceof ApiError ? joinRefusalOf(err.code) : null;
      if (refusal) return onRefused(refusal, name);
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="centered customer">
      <form className="centered-card stack" onSubmit={submit}>
        {card ? (
          <>
            <h1>{strings.cardJoin.greeting(card.tableName, card.location.name)}</h1>
            <p>{strings.cardJoin.intro}</p>
          </>
        ) : (
          <>
            <h1>{strings.customer.joinTitle}</h1>
            <p>{strings.customer.joinIntro}</p>
          </>
        )}
        <label className="field">
          <span>{strings.customer.nameLabel}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={strings.customer.namePlaceholder}
            autoComplete="given-name"
            maxLength={LIMITS.session.displayNameLength}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary large" disabled={busy}>
          {busy ? strings.customer.joining : strings.customer.join}
        </button>
      </form>
    </main>
  );
}
