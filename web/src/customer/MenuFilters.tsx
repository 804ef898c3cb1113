import { useState } from "react";
import { Modal } from "../components/Modal";
import { t } from "../i18n/i18n";
import { DietIcon } from "./DietIcons";
import {
  type FilterChoice,
  filterLabel,
  isChosen,
  isFiltering,
  type MenuFilter,
  MORE_FILTERS,
  NO_FILTER,
  QUICK_FILTERS,
  toggleFilter,
} from "./menu-model";

interface Props {
  filter: MenuFilter;
  onChange: (filter: MenuFilter) => void;
  /** How many dishes pass the filter and the search (said while filtering). */
  matching: number;
}

const codeOf = (c: FilterChoice) => ("tag" in c ? c.tag : c.without);

/** Toggle chips for the common diets, the other allergens under "More", and how many dishes are left. */
export function MenuFilters({ filter, onChange, matching }: Props) {
  const [more, setMore] = useState(false);
  const moreChosen = MORE_FILTERS.filter((c) => isChosen(filter, c)).length;
  return (
    <div className="menu-filters">
      <ul className="filter-chips" aria-label={t("phoneMenu.filters")}>
        {QUICK_FILTERS.map((c) => (
          <li key={codeOf(c)}>
            <button
              type="button"
              className={`filter-chip${"without" in c ? " without" : ""}`}
              aria-pressed={isChosen(filter, c)}
              onClick={() => onChange(toggleFilter(filter, c))}
            >
              <DietIcon code={codeOf(c)} />
              {filterLabel(c)}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="filter-chip more"
            aria-haspopup="dialog"
            aria-pressed={moreChosen > 0}
            onClick={() => setMore(true)}
          >
            {moreChosen > 0 ? t("phoneMenu.moreCount", { n: moreChosen }) : t("phoneMenu.more")}
          </button>
        </li>
      </ul>
      {isFiltering(filter) && (
        <p className="filter-summary" role="status">
          <span>{t("phoneMenu.showing", { n: matching })}</span>
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
            {t("phoneMenu.clearFilters")}
          </button>
        </p>
      )}
      {more && (
        <Modal title={t("phoneMenu.moreTitle")} onClose={() => setMore(false)} className="filter-sheet">
          <p className="muted small">{t("phoneMenu.moreHint")}</p>
          <ul className="filter-options">
            {MORE_FILTERS.map((c) => (
              <li key={codeOf(c)}>
                <label className="filter-option">
                  <input type="checkbox" checked={isChosen(filter, c)} onChange={() => onChange(toggleFilter(filter, c))} />
                  <DietIcon code={codeOf(c)} />
                  {filterLabel(c)}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted small">{t("phoneMenu.filterDisclaimer")}</p>
          <div className="actions">
            <button type="button" className="button primary" onClick={() => setMore(false)}>
              {t("phoneMenu.done")}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
