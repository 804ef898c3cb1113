import type { CategoryDto, TaxRateDto } from "@ordered/contract/client";
import { t } from "../../i18n/i18n";
import { formatMoney, parseMoney } from "../../lib/money";
import { strings } from "../../strings";
import type { DraftField, ProductDraft } from "./product-draft";
import { taxRateLabel } from "./tax-rate-input";

/** A refused save: the server's message, the staff member's edits, and which of them are back in the form. */
export interface Conflict {
  message: string;
  /** The form as it was when the save was refused. */
  mine: ProductDraft;
  /** What they had changed since opening the form. */
  fields: DraftField[];
  /** Fields put back into the form since. */
  used: DraftField[];
}

interface Props {
  conflict: Conflict;
  /** The newer version as saved. */
  saved: ProductDraft;
  categories: CategoryDto[];
  taxRates: readonly TaxRateDto[];
  currency: string;
  onUse: (fields: DraftField[]) => void;
}

/** One field's value in words, to compare theirs and mine side by side. */
function fieldText(
  d: ProductDraft,
  field: DraftField,
  categories: CategoryDto[],
  taxRates: readonly TaxRateDto[],
  currency: string,
): string {
  const s = strings.menuAdmin;
  switch (field) {
    case "name":
    case "description":
      return d[field].trim() || s.blank;
    case "categoryId":
      return categories.find((c) => c.id === d.categoryId)?.name ?? s.blank;
    case "price": {
      const p = parseMoney(d.price);
      return "cents" in p ? formatMoney(p.cents, currency) : d.price || s.blank;
    }
    case "stock":
      return d.stock.trim() || s.notTracked;
    case "hidden":
      return d.hidden ? s.yes : s.no;
    case "allergens":
      return d.allergens.map((a) => t(`allergens.${a}`)).join(", ") || s.none;
    case "tags":
      return d.tags.map((tag) => t(`tags.${tag}`)).join(", ") || s.none;
    case "groups":
      return (
        d.groups
          .map((g) => `${g.name.trim() || "…"} (${g.options.map((o) => o.name.trim() || "…").join(", ")}; ${g.min}–${g.max})`)
          .join("; ") || s.none
      );
    case "taxRateId": {
      if (!d.taxRateId) return strings.taxRates.categorysRateShort;
      const rate = taxRates.find((r) => r.id === d.taxRateId);
      return rate ? taxRateLabel(rate) : s.blank;
    }
  }
}

/**
 * Shown when a save was refused because someone saved first: the form already holds their
 * version; this lists what the staff member had changed, theirs next to the saved value,
 * with a button to put each (or all) back. Nothing typed is lost.
 */
export function ProductConflictNotice({ conflict, saved, categories, taxRates, currency, onUse }: Props) {
  const s = strings.menuAdmin;
  const open = conflict.fields.filter((f) => !conflict.used.includes(f));
  const text = (d: ProductDraft, f: DraftField) => fieldText(d, f, categories, taxRates, currency);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title">{s.conflictTitle}</h3>
      <p role="alert" className="error">
        {conflict.message}
      </p>
      <p>{conflict.fields.length === 0 ? s.conflictNoChanges : s.conflictIntro}</p>
      {conflict.fields.length > 0 && (
        <>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">{s.conflictField}</th>
                <th scope="col">{s.conflictMine}</th>
                <th scope="col">{s.conflictNow}</th>
                <th scope="col">
                  <span className="visually-hidden">{strings.products.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map((f) => {
                const used = conflict.used.includes(f);
                return (
                  <tr key={f}>
                    <th scope="row">{s.fieldNames[f]}</th>
                    <td className="conflict-mine">{text(conflict.mine, f)}</td>
                    <td>{text(saved, f)}</td>
                    <td>
                      <button
                        type="button"
                        className="button small"
                        disabled={used}
                        aria-label={s.takeMineLabel(s.fieldNames[f])}
                        onClick={() => onUse([f])}
                      >
                        {used ? s.tookMine : s.takeMine}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {open.length > 1 && (
            <button type="button" className="button" onClick={() => onUse(open)}>
              {s.takeAllMine}
            </button>
          )}
        </>
      )}
    </section>
  );
}
