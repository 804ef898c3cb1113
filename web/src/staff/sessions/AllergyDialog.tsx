import {
  ALLERGENS,
  type AllergyDeclarationDto,
  type CustomerDto,
  DECLARABLE_DIETS,
  LIMITS,
  type SessionAllergiesDto,
} from "@ordered/contract/client";
import { useId, useState } from "react";
import { api } from "../../api/http";
import { useAnnounce } from "../../components/Announcer";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { type AllergyDraft, dietName, draftBody, draftOf, guestName } from "./allergy-view";
import "./allergies.css";

interface Props {
  sessionId: string;
  label: string;
  /** The declaration being changed (its guest fixed); absent: a new one, for a seat or a phone. */
  editing?: AllergyDeclarationDto;
  /** The table's declarations by guest: picking a guest who has one starts from it. */
  byGuest: ReadonlyMap<string, AllergyDeclarationDto>;
  /** The table's phones (present ones can be picked). */
  customers: readonly CustomerDto[];
  names: ReadonlyMap<string, string>;
  token: string;
  /** The server's answer (the session's allergies as they are now). */
  onSaved: (allergies: SessionAllergiesDto) => void;
  onClose: () => void;
}

/**
 * Staff record a guest's allergies and diets (issue 35): a seat's, for a guest without a phone,
 * or a phone's, to correct what the guest declared. The whole declaration each time
 * (PUT /api/sessions/:id/allergies); Clear all sends it empty.
 */
export function AllergyDialog({ sessionId, label, editing, byGuest, customers, names, token, onSaved, onClose }: Props) {
  const s = strings.staffAllergies;
  const ids = useId();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<AllergyDraft>(() => draftOf(editing ?? null));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const phones = customers.filter((c) => c.removedAt === null || c.id === editing?.customerId);
  const set = (change: Partial<AllergyDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setProblem(null);
  };
  // Choosing a guest who already has a declaration starts from it (the form replaces it whole).
  const chooseGuest = (change: Partial<AllergyDraft>) => {
    const next = { ...draft, ...change };
    const key = next.kind === "seat" ? `seat:${Number(next.seat.trim())}` : `phone:${next.phone}`;
    const known = byGuest.get(key);
    setDraft(known ? { ...draftOf(known), kind: next.kind, seat: next.seat, phone: next.phone } : next);
    setProblem(null);
  };

  async function save(clear: boolean) {
    const built = draftBody(draft, clear);
    if ("error" in built) return setProblem(built.error);
    setBusy(true);
    setProblem(null);
    try {
      const res = await api("PUT /api/sessions/:id/allergies", { token, params: { id: sessionId }, body: built.body });
      const who = guestName(built.body.guest, names);
      onSaved(res.allergies);
      announce(clear ? s.cleared(who) : s.saved(who));
      onClose();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  const title = editing ? s.editTitle(guestName(editing.guest, names)) : s.dialogTitle(label);
  return (
    <Modal title={title} onClose={onClose} className="allergy-dialog">
      <form
        className="stack allergy-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        {!editing && (
          <fieldset className="allergy-section">
            <legend>{s.whose}</legend>
            <div className="allergy-whose">
              <label className="allergy-check">
                <input type="radio" name={`${ids}-kind`} checked={draft.kind === "seat"} onChange={() => chooseGuest({ kind: "seat" })} />
                <span>{s.aSeat}</span>
              </label>
              {draft.kind === "seat" && (
                <label className="field allergy-seat">
                  {s.seatNumber}
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={99}
                    value={draft.seat}
                    onChange={(e) => chooseGuest({ seat: e.target.value })}
                    aria-describedby={`${ids}-seat`}
                  />
                  <span id={`${ids}-seat`} className="muted small">
                    {s.seatHint}
                  </span>
                </label>
              )}
              <label className="allergy-check">
                <input
                  type="radio"
                  name={`${ids}-kind`}
                  checked={draft.kind === "phone"}
                  disabled={phones.length === 0}
                  onChange={() => chooseGuest({ kind: "phone" })}
                />
                <span>{s.aPhone}</span>
              </label>
              {draft.kind === "phone" && (
                <label className="field">
                  {s.phone}
                  <select value={draft.phone} onChange={(e) => chooseGuest({ phone: e.target.value })}>
                    <option value="">{s.choosePhone}</option>
                    {phones.map((c) => (
                      <option key={c.id} value={c.id}>
                        {names.get(c.id) ?? s.unknownPhone}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          </fieldset>
        )}
        <fieldset className="allergy-section">
          <legend>{s.allergens}</legend>
          <div className="allergy-grid">
            {ALLERGENS.map((a) => (
              <label key={a} className={draft.allergens.includes(a) ? "allergy-check checked" : "allergy-check"}>
                <input
                  type="checkbox"
                  checked={draft.allergens.includes(a)}
                  onChange={(e) => set({ allergens: toggle(draft.allergens, a, e.target.checked) })}
                />
                <span>{t(`allergens.${a}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="allergy-section">
          <legend>{s.diets}</legend>
          <div className="allergy-grid">
            {DECLARABLE_DIETS.map((d) => (
              <label key={d} className={draft.diets.includes(d) ? "allergy-check checked" : "allergy-check"}>
                <input
                  type="checkbox"
                  checked={draft.diets.includes(d)}
                  onChange={(e) => set({ diets: toggle(draft.diets, d, e.target.checked) })}
                />
                <span>{dietName(d)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {s.noteField}
          <textarea
            rows={2}
            value={draft.note}
            maxLength={LIMITS.allergies.noteLength}
            placeholder={s.notePlaceholder}
            onChange={(e) => set({ note: e.target.value })}
          />
        </label>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="actions allergy-actions">
          {editing && (
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void save(true)}
              aria-describedby={`${ids}-clear`}
            >
              {s.clear}
            </button>
          )}
          <button type="button" className="button ghost" disabled={busy} onClick={onClose}>
            {s.cancel}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? s.saving : s.save}
          </button>
        </div>
        {editing && (
          <p id={`${ids}-clear`} className="muted small">
            {s.clearHint}
          </p>
        )}
      </form>
    </Modal>
  );
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
