import type { MenuResponse } from "@ordered/contract/client";
import { useId, useRef, useState } from "react";
import { t } from "../i18n/i18n";
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
}

const anchorOf = (categoryId: string) => `category-${categoryId}`;

/**
 * The menu as the server orders it: a sticky row of category chips, the guest's diet filter
 * and a search, each category a section with its description and its service hours. A dish
 * with options opens the options sheet; one without is added with a tap.
 */
export function MenuView({ menu, error, now, filter, onFilter, quantities, canAdd, onAdd, locked }: Props) {
  const [query, setQuery] = useState("");
  const [choosing, setChoosing] = useState<{ id: string; name: string } | null>(null);
  const searchId = useId();
  const sectionsRef = useRef<HTMLDivElement>(null);
  const sections = menu ? menuSections(menu, { filter, query, now }) : [];
  const matching = sections.reduce((n, s) => n + s.products.length, 0);
  const narrowing = query.trim() !== "" || filter.tags.length + filter.without.length > 0;
  const choosingProduct = choosing ? (menu?.products.find((p) => p.id === choosing.id) ?? null) : null;
  const choosingSection = choosingProduct && sections.find((s) => s.category.id === choosingProduct.categoryId);
  const choosingWindow = choosingSection && !choosingSection.served ? windowText(choosingSection.category) : null;

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
                    return (
                      <MenuItem
                        key={p.id}
                        product={p}
                        inCart={quantities.get(p.id) ?? 0}
                        addable={served && !locked && (!plain || canAdd({ productId: p.id, options: [] }))}
                        onAdd={() => (plain ? onAdd({ productId: p.id, options: [] }) : setChoosing({ id: p.id, name: p.name }))}
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
          onAdd={onAdd}
          onClose={() => setChoosing(null)}
        />
      )}
    </section>
  );
}
