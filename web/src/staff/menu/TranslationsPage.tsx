import { type CategoryDto, can, MENU_LANGUAGES, type MenuLanguage } from "@ordered/contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { Link } from "../../components/Link";
import { t } from "../../i18n/i18n";
import { useProducts } from "../../realtime/use-products";
import { strings } from "../../strings";
import {
  categoryPatch,
  changedRows,
  type Drafts,
  missingCount,
  ownersOf,
  productPatch,
  showsMissing,
  type TranslationRow,
  translationSections,
} from "./translation-rows";
import { useCategories } from "./use-categories";

const languageName = (code: string) => strings.translations.languageNames[code] ?? code;

/**
 * /panel/translations (issue 35): the whole menu's texts (categories, products, option groups,
 * options) beside their translation into one language, typed in place and saved together. The
 * language buttons say how many texts each language still lacks; an empty field says "missing".
 * Each product is saved with its version: one changed meanwhile on another screen is shown
 * anew with the typed translations kept, to check and save again.
 */
export function TranslationsPage({ auth }: { auth: StaffAuth }) {
  const s = strings.translations;
  const token = auth.token;
  const menuLanguage = auth.staff.location.menuLanguage;
  const languages = MENU_LANGUAGES.filter((l) => l !== menuLanguage);
  const [chosen, setLanguage] = useState<MenuLanguage>(languages[0]!);
  const language = chosen === menuLanguage ? languages[0]! : chosen;

  const load = useCallback(() => api("GET /api/products", { token, query: { archived: "exclude" } }).then((r) => r.products), [token]);
  const { products, error: loadError, put } = useProducts(load);
  const categories = useCategories(token);
  // What was typed, per language, until it is saved: switching languages keeps it.
  const [typed, setTyped] = useState<Partial<Record<MenuLanguage, Map<string, string>>>>({});
  const drafts: Drafts = typed[language] ?? new Map();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problems, setProblems] = useState<string[]>([]);

  const productList = products ?? [];
  const categoryList = categories.categories ?? [];
  const sections = translationSections(categoryList, productList, language);
  const changed = changedRows(sections, drafts);
  const error = loadError instanceof Error ? loadError.message : loadError ? String(loadError) : (categories.error ?? null);

  // Leaving the page with unsaved translations asks first (a reload, a closed tab).
  const unsaved = changed.length > 0;
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);

  function type(key: string, text: string) {
    setStatus("");
    setTyped((all) => ({ ...all, [language]: new Map(all[language] ?? []).set(key, text) }));
  }

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    if (changed.length === 0) {
      setStatus(s.nothingToSave);
      return;
    }
    setBusy(true);
    setStatus("");
    setProblems([]);
    const { productIds, categoryIds } = ownersOf(changed);
    const savedOwners = new Set<string>();
    const conflicts: string[] = [];
    const failures: string[] = [];
    const savedCategories: CategoryDto[] = [];
    for (const id of categoryIds) {
      const category = categoryList.find((c) => c.id === id);
      const body = category && categoryPatch(category, language, drafts);
      if (!category || !body) continue;
      try {
        savedCategories.push((await api("PATCH /api/categories/:id", { token, params: { id }, body })).category);
        savedOwners.add(id);
      } catch (err) {
        failures.push(s.failed(category.name, err instanceof Error ? err.message : String(err)));
      }
    }
    if (savedCategories.length > 0) categories.put(categoryList.map((c) => savedCategories.find((saved) => saved.id === c.id) ?? c));
    for (const id of productIds) {
      const product = productList.find((p) => p.id === id);
      const body = product && productPatch(product, language, drafts);
      if (!product || !body) continue;
      try {
        put((await api("PATCH /api/products/:id", { token, params: { id }, body })).product);
        savedOwners.add(id);
      } catch (err) {
        if (err instanceof ApiError && err.code === "CONFLICT") {
          // Someone saved it meanwhile: show their version; what was typed stays, to check and send again.
          conflicts.push(product.name);
          await api("GET /api/products/:id", { token, params: { id } })
            .then((r) => put(r.product))
            .catch(() => undefined);
        } else failures.push(s.failed(product.name, err instanceof Error ? err.message : String(err)));
      }
    }
    const saved = changed.filter((r) => savedOwners.has(r.productId ?? r.id));
    setTyped((all) => {
      const left = new Map(all[language] ?? []);
      for (const r of saved) left.delete(r.key);
      return { ...all, [language]: left };
    });
    setProblems([...(conflicts.length > 0 ? [s.conflict(conflicts.join(", "))] : []), ...failures]);
    setStatus(saved.length > 0 ? s.saved(saved.length) : "");
    setBusy(false);
  }

  const missingByLanguage = new Map(languages.map((l) => [l, missingCount(categoryList, productList, l)] as const));
  const shown = sections
    .map((sec) => ({ ...sec, rows: onlyMissing ? sec.rows.filter((r) => !r.translation.trim() || drafts.has(r.key)) : sec.rows }))
    .filter((sec) => sec.rows.length > 0);
  const loading = products === null || categories.categories === null;

  return (
    <main className="translations-page menu-admin">
      <div className="page-head">
        <h1>{s.title}</h1>
      </div>
      <p className="muted">
        {s.intro(languageName(menuLanguage))}{" "}
        {can(auth.staff.role, "location.settings") ? <Link href="/panel/settings">{s.changeLanguage}</Link> : s.changeLanguage}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <fieldset className="translation-languages">
        <legend>{s.languages}</legend>
        {languages.map((l) => (
          <label key={l} className={`language-choice${l === language ? " chosen" : ""}`}>
            <input type="radio" name="translation-language" value={l} checked={l === language} onChange={() => setLanguage(l)} />
            <span>
              {languageName(l)}:{" "}
              <span className={missingByLanguage.get(l) ? "missing-count" : "done-count"}>{s.missing(missingByLanguage.get(l) ?? 0)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {loading ? (
        !error && <p className="muted">{t("common.loading")}</p>
      ) : sections.every((sec) => sec.rows.length === 0) ? (
        <p className="card muted">{s.nothingToTranslate}</p>
      ) : (
        <form className="translations-form" onSubmit={save} aria-label={`${s.title}: ${languageName(language)}`}>
          <label className="plain-check translations-filter">
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
            <span>{s.onlyMissing}</span>
          </label>
          {shown.length === 0 && <p className="card muted">{s.allDone}</p>}
          {shown.map((sec) => (
            <section key={sec.id} className="card translations-section" aria-labelledby={`translations-${sec.id}`}>
              <h2 id={`translations-${sec.id}`}>{sec.category?.name ?? s.otherCategory}</h2>
              <table className="translations-table">
                <thead>
                  <tr>
                    <th scope="col">{s.ownColumn(languageName(menuLanguage))}</th>
                    <th scope="col">{s.translationColumn(languageName(language))}</th>
                  </tr>
                </thead>
                <tbody>
                  {sec.rows.map((row) => (
                    <TranslationLine
                      key={row.key}
                      row={row}
                      category={sec.category}
                      menuLanguage={menuLanguage}
                      language={language}
                      value={drafts.get(row.key) ?? row.translation}
                      missing={showsMissing(row, drafts)}
                      onType={(text) => type(row.key, text)}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <div className="translations-savebar">
            {/* In the bar, so what went wrong is in view wherever the list was scrolled to. */}
            {problems.length > 0 && (
              <div role="alert" className="error translations-problems">
                {problems.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>
            )}
            <span className="muted small">{changed.length > 0 ? s.unsaved(changed.length) : ""}</span>
            <span role="status" className="saved-status small">
              {status}
            </span>
            <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
              {busy ? s.saving : s.save(changed.length)}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}

/** One text: what it is and the menu's words on the left, its translation (editable) on the right. */
function TranslationLine({
  row,
  category,
  menuLanguage,
  language,
  value,
  missing,
  onType,
}: {
  row: TranslationRow;
  category: CategoryDto | null;
  menuLanguage: MenuLanguage;
  language: MenuLanguage;
  value: string;
  missing: boolean;
  onType: (text: string) => void;
}) {
  const s = strings.translations;
  const what = whatOf(row);
  const thing =
    row.kind === "category"
      ? s.categoryThing(category?.name ?? row.own)
      : row.kind === "group"
        ? s.groupThing(row.own, row.product ?? "")
        : row.kind === "option"
          ? s.optionThing(row.own, row.group ?? "", row.product ?? "")
          : row.field === "name"
            ? row.own
            : (row.product ?? "");
  const label = s.label(row.field, languageName(language), thing);
  const missingId = `missing-${row.key.replace(/:/g, "-")}`;
  const field = {
    value,
    lang: language,
    "aria-label": label,
    "aria-describedby": missing ? missingId : undefined,
    onChange: (e: { target: { value: string } }) => onType(e.target.value),
  };
  return (
    <tr className={`translation-line line-${row.kind} field-${row.field}${missing ? " is-missing" : ""}`}>
      <th scope="row" className="translation-own">
        <span className="translation-what">{what}</span>
        <span lang={menuLanguage}>{row.own}</span>
      </th>
      <td className="translation-field">
        {row.field === "description" ? <textarea rows={2} {...field} /> : <input type="text" autoComplete="off" {...field} />}
        {missing && (
          <span id={missingId} className="badge badge-missing">
            {s.missingBadge}
          </span>
        )}
      </td>
    </tr>
  );
}

function whatOf(row: TranslationRow): string {
  const w = strings.translations.what;
  if (row.kind === "category") return row.field === "name" ? w.category : w.categoryDescription;
  if (row.kind === "product") return row.field === "name" ? w.product : w.description;
  if (row.kind === "group") return w.group;
  return w.option(row.group ?? "");
}
