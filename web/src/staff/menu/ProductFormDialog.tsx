import { ALLERGENS, type CategoryDto, DIET_TAGS, LIMITS, type ProductDto, type TaxRateDto } from "@ordered/contract/client";
import { type FormEvent, useRef, useState } from "react";
import { ApiError, api } from "../../api/http";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { OptionGroupsEditor } from "./OptionGroupsEditor";
import { priceRange } from "./option-groups";
import { type Conflict, ProductConflictNotice } from "./ProductConflictNotice";
import { type PhotoChange, ProductPhotoField } from "./ProductPhotoField";
import { applyFields, changedFields, type DraftField, draftOf, type ProductDraft, parseDraft, patchOf, previewOf } from "./product-draft";
import { uploadPhoto } from "./product-photo";
import { taxPercentText, taxRateLabel } from "./tax-rate-input";

interface Props {
  token: string;
  /** null: a new product. */
  product: ProductDto | null;
  categories: CategoryDto[];
  /** The location's tax rates: a product is sold at its category's unless it names its own. */
  taxRates: readonly TaxRateDto[];
  /** The category a new product starts in. */
  categoryId?: string;
  currency: string;
  /** The product's version as the page last heard it (live): newer than the form's means someone saved meanwhile. */
  latestVersion?: number;
  /** Every saved state, as it is saved (the page's list shows it at once). */
  onSaved: (product: ProductDto) => void;
  onClose: () => void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** "Costs €9.50 to €11.50 with options", from the form as typed; null while it does not read. */
function costText(draft: ProductDraft, currency: string): string | null {
  const s = strings.menuAdmin;
  const preview = previewOf(draft);
  if (!preview) return null;
  const range = priceRange(preview);
  if (!range) return s.noValidChoice;
  const money = (c: number) => formatMoney(c, currency);
  return range.from === range.to ? s.costs(money(range.from)) : s.costsRange(money(range.from), money(range.to));
}

/**
 * Adds or edits a product: its fields, allergens, tags, option groups and photo. An edit
 * carries the version it was opened with; when someone saved first, the server refuses it
 * and the form loads their version, listing this editor's changes to put back.
 */
export function ProductFormDialog({ token, product, categories, taxRates, categoryId, currency, latestVersion, onSaved, onClose }: Props) {
  const s = strings.menuAdmin;
  /** The saved version the form edits (null until a new product is created). */
  const [base, setBase] = useState<ProductDto | null>(product);
  /** The form as that version filled it, to tell what the editor changed. */
  const [opened, setOpened] = useState<ProductDraft>(() => draftOf(product, categoryId ?? categories[0]?.id ?? ""));
  const [draft, setDraft] = useState<ProductDraft>(opened);
  const [photo, setPhoto] = useState<PhotoChange>({ kind: "keep" });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  /** Shows a saved version in the form, as if it had been opened with it. */
  function rebase(saved: ProductDto): ProductDraft {
    const d = draftOf(saved);
    setBase(saved);
    setOpened(d);
    setDraft(d);
    return d;
  }

  /** Loads the newest version; when it is newer, the form shows it and lists the editor's changes. */
  async function loadNewer(refusal: string): Promise<boolean> {
    if (!base) return false;
    const newer = (await api("GET /api/products/:id", { token, params: { id: base.id } })).product;
    if (newer.version === base.version) return false;
    const mine = draft;
    setConflict({ message: refusal, mine, fields: changedFields(opened, mine), used: [] });
    rebase(newer);
    onSaved(newer);
    formRef.current?.closest("dialog")?.scrollTo({ top: 0 });
    return true;
  }

  function putBack(fields: DraftField[]) {
    if (!conflict || !base) return;
    setDraft((d) => applyFields(d, conflict.mine, fields, base));
    setConflict({ ...conflict, used: [...conflict.used, ...fields] });
  }

  function focusField(field: string) {
    formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const read = parseDraft(draft);
    if ("error" in read) {
      setError(read.error);
      focusField(read.field);
      return;
    }
    setBusy(true);
    setError(null);
    let saved: ProductDto;
    try {
      if (!base) saved = (await api("POST /api/products", { token, body: read.fields })).product;
      else {
        const patch = patchOf(read.fields, changedFields(opened, draft));
        saved =
          Object.keys(patch).length === 0
            ? base // only the photo changes (or nothing)
            : (await api("PATCH /api/products/:id", { token, params: { id: base.id }, body: { version: base.version, ...patch } })).product;
      }
    } catch (err) {
      // CONFLICT is also a name in use; only a newer version on the server means someone saved first.
      const stale = err instanceof ApiError && err.code === "CONFLICT" && (await loadNewer(err.message).catch(() => false));
      if (!stale) setError(message(err));
      setBusy(false);
      return;
    }
    onSaved(saved);
    setConflict(null);
    try {
      if (photo.kind === "new") saved = await uploadPhoto(token, saved.id, photo.file);
      else if (photo.kind === "remove" && saved.photo) {
        saved = (await api("DELETE /api/products/:id/photo", { token, params: { id: saved.id } })).product;
      }
    } catch (err) {
      // The product is saved: from now on the form edits it (a retry sends only the photo's change again).
      rebase(saved);
      setError(s.photoFailed(message(err)));
      setBusy(false);
      return;
    }
    onSaved(saved);
    onClose();
  }

  const stale = !conflict && base !== null && latestVersion !== undefined && latestVersion > base.version;
  const categoryRate = taxRates.find((r) => r.id === categories.find((c) => c.id === draft.categoryId)?.taxRateId);
  // A rate deleted meanwhile (or not loaded yet) stays choosable, so the form does not change it unasked.
  const ownRateMissing = draft.taxRateId !== "" && !taxRates.some((r) => r.id === draft.taxRateId);
  const cost = costText(draft, currency);
  return (
    <Modal title={product ? s.editTitle(product.name) : s.addTitle} onClose={onClose} className="product-dialog">
      <form ref={formRef} onSubmit={submit} className="product-form" noValidate>
        {conflict && base && (
          <ProductConflictNotice
            conflict={conflict}
            saved={opened}
            categories={categories}
            taxRates={taxRates}
            currency={currency}
            onUse={putBack}
          />
        )}
        {stale && (
          <div className="banner warn stale-notice">
            <span>{s.staleNotice}</span>
            <button
              type="button"
              className="button small"
              onClick={() => void loadNewer(s.staleLoaded).catch((err: unknown) => setError(message(err)))}
            >
              {s.loadNewer}
            </button>
          </div>
        )}
        <div className="product-form-top">
          <div className="stack">
            <label className="field">
              <span>{s.name}</span>
              <input
                data-field="name"
                value={draft.name}
                onChange={(e) => set("name", e.target.value)}
                required
                maxLength={LIMITS.product.nameLength}
                autoFocus
              />
            </label>
            <label className="field">
              <span>{s.category}</span>
              <select data-field="category" value={draft.categoryId} onChange={(e) => set("categoryId", e.target.value)} required>
                {!draft.categoryId && <option value="">{s.chooseCategory}</option>}
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.hidden ? s.categoryHidden(c.name) : c.name}
                  </option>
                ))}
              </select>
            </label>
            {(taxRates.length > 0 || draft.taxRateId !== "") && (
              <label className="field">
                <span>{strings.taxRates.productField}</span>
                <select
                  data-field="taxRateId"
                  value={draft.taxRateId}
                  onChange={(e) => set("taxRateId", e.target.value)}
                  aria-describedby="product-tax-rate-hint"
                >
                  <option value="">{strings.taxRates.categorysRate(categoryRate ? taxPercentText(categoryRate.rateBps) : null)}</option>
                  {taxRates.map((rate) => (
                    <option key={rate.id} value={rate.id}>
                      {taxRateLabel(rate)}
                    </option>
                  ))}
                  {ownRateMissing && <option value={draft.taxRateId}>{s.blank}</option>}
                </select>
                <small id="product-tax-rate-hint" className="muted">
                  {strings.taxRates.productHint}
                </small>
              </label>
            )}
            <div className="row">
              <label className="field">
                <span>
                  {s.price} <span className="muted small">({s.priceHint})</span>
                </span>
                <input
                  data-field="price"
                  inputMode="decimal"
                  value={draft.price}
                  onChange={(e) => set("price", e.target.value)}
                  placeholder="9.50"
                  required
                />
              </label>
              <label className="field">
                <span>
                  {s.stock} <span className="muted small">({s.stockHint})</span>
                </span>
                <input data-field="stock" inputMode="numeric" value={draft.stock} onChange={(e) => set("stock", e.target.value)} />
              </label>
            </div>
            <label className="field">
              <span>{s.description}</span>
              <textarea
                data-field="description"
                value={draft.description}
                onChange={(e) => set("description", e.target.value)}
                maxLength={LIMITS.product.descriptionLength}
                rows={2}
              />
            </label>
          </div>
          <ProductPhotoField
            productName={draft.name}
            current={base?.photo ?? null}
            change={photo}
            onChange={setPhoto}
            onProblem={setError}
          />
        </div>
        <label className="plain-check hidden-check">
          <input type="checkbox" checked={draft.hidden} onChange={(e) => set("hidden", e.target.checked)} />
          <span>{s.hiddenField}</span>
        </label>
        <fieldset className="form-section">
          <legend>{s.allergensLegend}</legend>
          <p className="muted small">{s.allergensHint}</p>
          <div className="check-grid">
            {ALLERGENS.map((a) => (
              <label key={a} className="check-option">
                <input
                  type="checkbox"
                  checked={draft.allergens.includes(a)}
                  onChange={(e) => set("allergens", toggle(draft.allergens, a, e.target.checked))}
                />
                <span>{t(`allergens.${a}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{s.tagsLegend}</legend>
          <div className="check-grid">
            {DIET_TAGS.map((tag) => (
              <label key={tag} className="check-option">
                <input
                  type="checkbox"
                  checked={draft.tags.includes(tag)}
                  onChange={(e) => set("tags", toggle(draft.tags, tag, e.target.checked))}
                />
                <span>{t(`tags.${tag}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <OptionGroupsEditor groups={draft.groups} onChange={(groups) => set("groups", groups)} />
        <div className="product-form-footer">
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="footer-row">
            <output className="cost" aria-live="polite">
              {cost}
            </output>
            <div className="footer-buttons">
              <button type="button" className="button" onClick={onClose}>
                {t("common.cancel")}
              </button>
              <button type="submit" className="button primary" disabled={busy || categories.length === 0}>
                {busy ? s.saving : t("common.save")}
              </button>
            </div>
          </div>
          {categories.length === 0 && <p className="muted small">{s.needCategory}</p>}
        </div>
      </form>
    </Modal>
  );
}
