import type { ProductDto } from "@ordered/contract/client";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { priceRange } from "./option-groups";

interface Props {
  product: ProductDto;
  onToggleSoldOut: () => void;
  onToggleHidden: () => void;
  onArchive: () => void;
  onRestore: () => void;
  onEdit: () => void;
  /** false: the role may only mark it sold out (menu.stock), not edit, hide or archive it. */
  canEdit?: boolean;
}

/** One product on the staff's menu page: photo, name, badges, price and its actions. */
export function ProductRow({ product: p, onToggleSoldOut, onToggleHidden, onArchive, onRestore, onEdit, canEdit = true }: Props) {
  const s = strings.menuAdmin;
  const range = p.optionGroups.length > 0 ? priceRange(p) : null;
  const price =
    range && range.from !== range.to
      ? s.priceRange(formatMoney(range.from, p.currency), formatMoney(range.to, p.currency))
      : formatMoney(range?.from ?? p.priceCents, p.currency);
  const allergenNames = p.allergens.map((a) => t(`allergens.${a}`)).join(", ");

  return (
    <li
      className={`product-row${p.available ? "" : " sold-out"}${p.hidden ? " is-hidden" : ""}${p.archived ? " is-archived" : ""}`}
      aria-label={p.name}
    >
      {p.photo ? (
        <img className="product-thumb" src={p.photo.small} alt="" width={56} height={56} loading="lazy" />
      ) : (
        <span className="product-thumb placeholder" role="img" aria-label={s.noPhoto}>
          {p.name.trim().charAt(0).toUpperCase()}
        </span>
      )}
      <span className="product-info">
        <span className="product-name">{p.name}</span>
        {p.description && <span className="product-desc muted small">{p.description}</span>}
        <span className="product-badges">
          {p.archived && <span className="badge badge-archived">{s.archived}</span>}
          {p.hidden && <span className="badge badge-hidden">{s.hidden}</span>}
          {!p.available && <span className="badge status-sold-out">{s.soldOut}</span>}
          {p.allergens.length > 0 && (
            <span className="badge badge-allergens" title={s.allergenList(allergenNames)}>
              {s.allergenCount(p.allergens.length)}
              <span className="visually-hidden">: {allergenNames}</span>
            </span>
          )}
          {p.tags.map((tag) => (
            <span key={tag} className={`badge badge-tag tag-${tag.toLowerCase()}`}>
              {t(`tags.${tag}`)}
            </span>
          ))}
          {p.optionGroups.length > 0 && <span className="badge badge-options">{s.groupCount(p.optionGroups.length)}</span>}
        </span>
      </span>
      <span className="product-price">
        <strong>{price}</strong>
        {p.stock !== null && <span className="muted small">{s.stockLeft(p.stock)}</span>}
      </span>
      <span className="product-actions">
        {p.archived ? (
          canEdit && (
            <button type="button" className="button small" onClick={onRestore} aria-label={s.restoreLabel(p.name)}>
              {s.restore}
            </button>
          )
        ) : (
          <>
            <label className="soldout-switch">
              <input
                type="checkbox"
                className="switch"
                checked={!p.available}
                onChange={onToggleSoldOut}
                aria-label={s.soldOutToggle(p.name)}
              />
              <span aria-hidden="true">{s.soldOut}</span>
            </label>
            {canEdit && (
              <>
                <button
                  type="button"
                  className="button ghost small hide-toggle"
                  onClick={onToggleHidden}
                  aria-label={p.hidden ? s.unhideLabel(p.name) : s.hideLabel(p.name)}
                >
                  {p.hidden ? s.unhide : s.hide}
                </button>
                <button type="button" className="button ghost small danger-text" onClick={onArchive} aria-label={s.archiveLabel(p.name)}>
                  {s.archive}
                </button>
                <button type="button" className="button small" onClick={onEdit} aria-label={s.editLabel(p.name)}>
                  {s.edit}
                </button>
              </>
            )}
          </>
        )}
      </span>
    </li>
  );
}
