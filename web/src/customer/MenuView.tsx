import { conflictsOf, type Declared, hasConflicts, type MenuResponse, type ProductDto } from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { t } from "../i18n/i18n";
import { AllergySheet, conflictText, declaredText } from "./AllergySheet";
import { CategoryChips } from "./CategoryChips";
import type { NewLine } from "./cart";
import { MenuFilters } from "./MenuFilters";
import { MenuItem } from "./MenuItem";
import { type MenuFilter, menuSections, windowText } from "./menu-model";
import { OptionsSheet } from "./OptionsSheet";

export { isSoldOut } from "./menu-model";

interface Props {
  menu: MenuResponse | null;
  error: string | null;
  /** The clock the service windows are read against (ticks every half minute). */
  now: number;
  filter: MenuFilter;
  onFilter: (filter: MenuFilter) => void;
  /** How many of each product the cart holds. */
  quantities: Map<string, number>;
  /** Whether this choice fits in the cart (the order's limits). */
  canAdd: (item: NewLine) => boolean;
  onAdd: (item: NewLine) => void;
  /** While an order is being sent the cart cannot change. */
  locked: boolean;
  /** The guest's declared allergies and diets (null: none): conflicting dishes are marked, and adding one asks first. */
  declared: Declared | null;
  onDeclare: (d: Declared) => Promise<void>;
}

const anchorOf = (categoryId: string) => `category-${categoryId}`;

/**
 * The menu as the server orders it: a sticky row of category chips, the guest's diet filter
 * and a search, each category a section with its description and its service hours. A dish
 * with options opens the options sheet; one without is added with a tap.
 */
export function MenuView({ menu, error, now, filter, onFilter, quantities, canAdd, onAdd, locked, declared, onDeclare }: Props) {
  const [query, setQuery] = useState("");
  const [choosing, setChoosing] = useState<{ id: string; name: string; allergyConfirmed: boolean } | null>(null);
  const [declaring, setDeclaring] = useState(false);
  // A dish against the guest's declaration waits for their explicit yes before it is added (or its options open).
  const [asking, setAsking] = useState<{ product: ProductDto; conflict: string } | null>(null);
  const searchId = useId();
  const sectionsRef = useRef<HTMLDivElement>(null);
  const sections = menu ? menuSections(menu, { filter, query, now }) : [];
  const matching = sections.reduce((n, s) => n + s.products.length, 0);
  const narrowing = query.trim() !== "" || filter.tags.length + filter.without.length > 0;
  const choosingProduct = choosing ? (menu?.products.find((p) => p.id === choosing.id) ?? null) : null;
  const choosingSection = choosingProduct && sections.find((s) => s.category.id === choosingProduct.categoryId);
  const choosingWindow = choosingSection && !choosingSection.served ? windowText(choosingSection.category) : null;

  function add(p: ProductDto, allergyConfirmed: boolean) {
    const confirmed = allergyConfirmed ? { allergyConfirmed } : {};
    if (p.optionGroups.length === 0) onAdd({ productId: p.id, options: [], ...confirmed });
    else setChoosing({ id: p.id, name: p.name, allergyConfirmed });
  }

  return (
    <section aria-labelledby="menu-title" className="menu">
      <h2 id="menu-title">{t("customer.menu")}</h2>
      <label htmlFor={searchId} className="visually-hidden">
        {t("customer.search")}
      </label>
      <input
        id={searchId}
        type="search"
        className="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("customer.searchPlaceholder")}
      />
      <button
        type="button"
        className={`allergy-button${declared ? " declared" : ""}`}
        aria-haspopup="dialog"
        onClick={() => setDeclaring(true)}
      >
        <span aria-hidden="true">⚠ </span>
        {declared ? t("allergies.buttonSet", { list: declaredText(declared) }) : t("allergies.button")}
      </button>
      <MenuFilters filter={filter} onChange={onFilter} matching={matching} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!menu && !error && <p className="muted">{t("common.loading")}</p>}
      {menu && narrowing && matching === 0 && <p className="muted">{t("customer.noResults")}</p>}
      <CategoryChips
        container={sectionsRef}
        sections={sections.map((s) => ({ id: s.category.id, name: s.category.name, anchor: anchorOf(s.category.id) }))}
      />
      <div ref={sectionsRef} className="menu-sections">
        {sections.map(({ category, products, served }) => {
          const hours = windowText(category);
          return (
            <section
              key={category.id}
              id={anchorOf(category.id)}
              data-section={category.id}
              aria-labelledby={`${anchorOf(category.id)}-title`}
              className={`category${served ? "" : " not-served"}`}
            >
              <div className="category-head">
                <h3 id={`${anchorOf(category.id)}-title`}>{category.name}</h3>
                {hours && <span className={`served-window${served ? "" : " closed"}`}>{t("phoneMenu.served", { window: hours })}</span>}
              </div>
              {category.description && <p className="category-desc">{category.description}</p>}
              {products.length === 0 ? (
                <p className="muted small">{t("phoneMenu.emptyCategory")}</p>
              ) : (
                <ul className="menu-list">
                  {products.map((p) => {
                    const plain = p.optionGroups.length === 0;
                    const conflicts = conflictsOf(declared, p);
                    const conflict = hasConflicts(conflicts) ? conflictText(conflicts) : null;
                    return (
                      <MenuItem
                        key={p.id}
                        product={p}
                        inCart={quantities.get(p.id) ?? 0}
                        addable={served && !locked && (!plain || canAdd({ productId: p.id, options: [] }))}
                        conflict={conflict}
                        onAdd={() => (conflict ? setAsking({ product: p, conflict }) : add(p, false))}
                      />
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {choosing && (
        <OptionsSheet
          key={choosing.id}
          product={choosingProduct}
          name={choosing.name}
          blocked={locked ? t("customer.placing") : choosingWindow ? t("phoneMenu.served", { window: choosingWindow }) : null}
          canAdd={canAdd}
          onAdd={(line) => onAdd(choosing.allergyConfirmed ? { ...line, allergyConfirmed: true } : line)}
          onClose={() => setChoosing(null)}
        />
      )}
      {asking && (
        <ConfirmDialog
          title={t("allergies.confirmTitle")}
          message={t("allergies.confirmBody", { name: asking.product.name, problems: asking.conflict })}
          confirmLabel={t("allergies.confirmYes")}
          dismissLabel={t("allergies.confirmNo")}
          onConfirm={() => add(asking.product, true)}
          onClose={() => setAsking(null)}
        />
      )}
      {declaring && <AllergySheet declared={declared} onSave={onDeclare} onClose={() => setDeclaring(false)} />}
    </section>
  );
}
