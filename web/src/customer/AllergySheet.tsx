import { ALLERGENS, type Allergen, DECLARABLE_DIETS, type DeclarableDiet, type Declared, LIMITS } from "@ordered/contract/client";
import { useState } from "react";
import { Modal } from "../components/Modal";
import { formatList, t } from "../i18n/i18n";
import { DietIcon } from "./DietIcons";

interface Props {
  declared: Declared | null;
  onSave: (d: { allergens: Allergen[]; diets: DeclarableDiet[]; note: string | null }) => Promise<void>;
  onClose: () => void;
}

const toggled = <T,>(list: readonly T[], x: T): T[] => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

/** The guest's allergies (the 14 EU allergens), diets and a note for the kitchen: private to this phone and the staff. */
export function AllergySheet({ declared, onSave, onClose }: Props) {
  const [allergens, setAllergens] = useState<Allergen[]>([...(declared?.allergens ?? [])]);
  const [diets, setDiets] = useState<DeclarableDiet[]>([...(declared?.diets ?? [])]);
  const [note, setNote] = useState(declared?.note ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(next: { allergens: Allergen[]; diets: DeclarableDiet[]; note: string }) {
    setBusy(true);
    setError(null);
    try {
      await onSave({ ...next, note: next.note.trim() || null });
      onClose();
    } catch (err) {
      setError(t("allergies.failed", { message: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  }

  return (
    <Modal title={t("allergies.title")} onClose={onClose} className="filter-sheet allergy-sheet">
      <p className="muted small">{t("allergies.intro")}</p>
      <fieldset className="allergy-group">
        <legend>{t("allergies.allergens")}</legend>
        <ul className="filter-options">
          {ALLERGENS.map((a) => (
            <li key={a}>
              <label className="filter-option">
                <input type="checkbox" checked={allergens.includes(a)} onChange={() => setAllergens((l) => toggled(l, a))} />
                <DietIcon code={a} />
                {t(`allergens.${a}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="allergy-group">
        <legend>{t("allergies.diets")}</legend>
        <ul className="filter-options">
          {DECLARABLE_DIETS.map((d) => (
            <li key={d}>
              <label className="filter-option">
                <input type="checkbox" checked={diets.includes(d)} onChange={() => setDiets((l) => toggled(l, d))} />
                <DietIcon code={d} />
                {t(`tags.${d}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="field">
        <span>{t("allergies.note")}</span>
        <input
          value={note}
          maxLength={LIMITS.allergies.noteLength}
          placeholder={t("allergies.notePlaceholder")}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void save({ allergens: [], diets: [], note: "" })}>
          {t("allergies.clear")}
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={() => void save({ allergens, diets, note })}>
          {busy ? t("allergies.saving") : t("allergies.save")}
        </button>
      </div>
    </Modal>
  );
}

/** "Peanuts, Milk, Vegan" — what a declaration says, in the phone's language. */
export function declaredText(d: Declared): string {
  return formatList([...d.allergens.map((a) => t(`allergens.${a}`)), ...d.diets.map((x) => t(`tags.${x}`)), ...(d.note ? [d.note] : [])]);
}

/** What in a dish goes against a declaration, in the guest's words ("Contains Peanuts: your allergy · Not vegan"). */
export function conflictText(c: { allergens: readonly Allergen[]; diets: readonly DeclarableDiet[] }): string {
  const parts = [
    ...(c.allergens.length > 0 ? [t("allergies.contains", { list: formatList(c.allergens.map((a) => t(`allergens.${a}`))) })] : []),
    ...c.diets.map((d) => t("allergies.notDiet", { diet: t(`tags.${d}`).toLowerCase() })),
  ];
  return parts.join(" · ");
}
