import { type CategoryDto, LIMITS, MAX_TAX_RATE_BPS, type ProductDto, type TaxRateDto } from "@ordered/contract/client";
import { type FormEvent, useState } from "react";
import { api } from "../../api/http";
import { t } from "../../i18n/i18n";
import { strings } from "../../strings";
import { ListEditor, useListActions } from "./ListEditor";
import { taxPercentBpsOf, taxPercentInput, taxPercentText } from "./tax-rate-input";

interface Props {
  token: string;
  /** In order; null while loading. */
  taxRates: TaxRateDto[] | null;
  loadError: string | null;
  /** To count who uses each rate. */
  categories: readonly CategoryDto[];
  products: readonly ProductDto[];
  put: (taxRates: TaxRateDto[]) => void;
  reload: () => Promise<void>;
}

/** The name and percent typed in a rate's form, or the message saying what is wrong. */
function rateOf(form: HTMLFormElement): { name: string; rateBps: number } | { error: string; field: "name" | "percent" } {
  const data = new FormData(form);
  const name = String(data.get("name") ?? "").trim();
  if (!name) return { error: strings.taxRates.nameMissing, field: "name" };
  const rateBps = taxPercentBpsOf(String(data.get("percent") ?? ""));
  if (rateBps === null) return { error: strings.taxRates.invalidPercent(MAX_TAX_RATE_BPS / 100), field: "percent" };
  return { name, rateBps };
}

/**
 * The location's tax rates (issue 33): add ("Standard", 19), edit the name or the percent,
 * delete one nothing uses (the server's refusal names who uses it). Categories choose their
 * rate in the category form, products may choose their own; a line keeps the rate it was
 * ordered at, so an edit here changes what is ordered from now on.
 */
export function TaxRatesPanel({ token, taxRates, loadError, categories, products, put, reload }: Props) {
  const s = strings.taxRates;
  const [editing, setEditing] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { error: actionError, busy, run } = useListActions(reload);
  const list = taxRates ?? [];
  const byCategory = new Map<string, number>();
  const byProduct = new Map<string, number>();
  for (const c of categories) if (c.taxRateId) byCategory.set(c.taxRateId, (byCategory.get(c.taxRateId) ?? 0) + 1);
  for (const p of products) if (p.taxRateId) byProduct.set(p.taxRateId, (byProduct.get(p.taxRateId) ?? 0) + 1);

  /** The form's rate, or null after showing what is wrong (and focusing it). */
  function read(form: HTMLFormElement) {
    const rate = rateOf(form);
    if ("error" in rate) {
      setFormError(rate.error);
      form.querySelector<HTMLInputElement>(`[name=${rate.field}]`)?.focus();
      return null;
    }
    setFormError(null);
    return rate;
  }

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = read(form);
    if (!body) return;
    const ok = await run(async () => {
      const res = await api("POST /api/tax-rates", { token, body });
      put([...list.filter((r) => r.id !== res.taxRate.id), res.taxRate]);
    });
    if (ok) form.reset();
  }

  async function save(e: FormEvent<HTMLFormElement>, rate: TaxRateDto) {
    e.preventDefault();
    const typed = read(e.currentTarget);
    if (!typed) return;
    const body = {
      ...(typed.name !== rate.name ? { name: typed.name } : {}),
      ...(typed.rateBps !== rate.rateBps ? { rateBps: typed.rateBps } : {}),
    };
    if (Object.keys(body).length === 0) return setEditing(null);
    const ok = await run(async () => {
      const res = await api("PATCH /api/tax-rates/:id", { token, params: { id: rate.id }, body });
      put(list.map((r) => (r.id === res.taxRate.id ? res.taxRate : r)));
    });
    if (ok) setEditing(null);
  }

  async function remove(rate: TaxRateDto) {
    await api("DELETE /api/tax-rates/:id", { token, params: { id: rate.id } });
    put(list.filter((r) => r.id !== rate.id));
  }

  return (
    <ListEditor
      id="menu-tax-rates"
      className="stations-panel tax-rates-panel"
      titleId="tax-rates-title"
      title={s.title}
      intro={<p className="muted small">{s.intro}</p>}
      items={taxRates}
      loadError={loadError}
      actionError={formError ?? actionError}
      empty={s.empty}
      listClassName="station-list"
      remove={remove}
      deleteText={{ title: s.deleteTitle, confirm: s.confirmDelete, label: s.delete }}
      row={(rate, _i, askDelete) => (
        <li key={rate.id} className="station-row" aria-label={rate.name}>
          {editing === rate.id ? (
            <form className="station-rename tax-rate-edit" onSubmit={(e) => save(e, rate)} noValidate>
              <label className="field">
                <span className="visually-hidden">{s.nameField(rate.name)}</span>
                <input name="name" defaultValue={rate.name} maxLength={LIMITS.tax.rateNameLength} required autoFocus />
              </label>
              <label className="field tax-percent">
                <span className="visually-hidden">{s.percentField(rate.name)}</span>
                <input name="percent" inputMode="decimal" defaultValue={taxPercentInput(rate.rateBps)} required />
              </label>
              <button type="submit" className="button primary touch" disabled={busy}>
                {s.save}
              </button>
              <button
                type="button"
                className="button ghost touch"
                onClick={() => {
                  setFormError(null);
                  setEditing(null);
                }}
              >
                {t("common.cancel")}
              </button>
            </form>
          ) : (
            <>
              <span className="station-info">
                <strong className="station-name">
                  {rate.name} <span className="tax-rate-percent">{taxPercentText(rate.rateBps)}</span>
                </strong>
                <span className="muted small">{s.usage(byCategory.get(rate.id) ?? 0, byProduct.get(rate.id) ?? 0)}</span>
              </span>
              <span className="station-actions">
                <button type="button" className="button touch" onClick={() => setEditing(rate.id)} aria-label={s.editLabel(rate.name)}>
                  {s.edit}
                </button>
                <button
                  type="button"
                  className="button ghost touch danger-text"
                  onClick={() => askDelete(rate)}
                  aria-label={s.deleteLabel(rate.name)}
                >
                  {s.delete}
                </button>
              </span>
            </>
          )}
        </li>
      )}
    >
      {list.length < LIMITS.tax.maxRates && (
        <form className="station-add tax-rate-add" onSubmit={add} noValidate>
          <label className="field">
            <span>{s.addName}</span>
            <input name="name" maxLength={LIMITS.tax.rateNameLength} required placeholder={s.addNamePlaceholder} />
          </label>
          <label className="field tax-percent">
            <span>{s.percent}</span>
            <input name="percent" inputMode="decimal" required placeholder={s.percentPlaceholder} />
          </label>
          <button type="submit" className="button touch" disabled={busy}>
            {s.add}
          </button>
        </form>
      )}
    </ListEditor>
  );
}
