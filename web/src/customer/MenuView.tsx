import type { ProductDto } from "@ordered/contract";
import { useId, useState } from "react";
import { formatMoney } from "../lib/money";
import { strings } from "../strings";

interface Props {
  products: ProductDto[] | null;
  error: string | null;
  quantities: Map<string, number>;
  /** Whether one more fits in the cart (the order's limits). */
  canAdd: (productId: string) => boolean;
  onAdd: (productId: string) => void;
  /** While an order is being sent the cart cannot change. */
  locked: boolean;
}

export const isSoldOut = (p: ProductDto) => !p.available || p.stock === 0;

/** The menu by category, with a search box; sold-out items stay visible but greyed out. */
export function MenuView({ products, error, quantities, canAdd, onAdd, locked }: Props) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const shown = (products ?? []).filter((p) => !q || `${p.name} ${p.description} ${p.category}`.toLowerCase().includes(q));
  const categories = [...new Set(shown.map((p) => p.category))];

  return (
    <section aria-labelledby="menu-title" className="menu">
      <h2 id="menu-title">{strings.customer.menu}</h2>
      <label htmlFor={searchId} className="visually-hidden">
        {strings.customer.search}
      </label>
      <input
        id={searchId}
        type="search"
        className="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={strings.customer.searchPlaceholder}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!products && !error && <p className="muted">{strings.common.loading}</p>}
      {products && shown.length === 0 && <p className="muted">{strings.customer.noResults}</p>}
      {categories.length > 1 && (
        <nav aria-label={strings.customer.categories} className="category-nav">
          {categories.map((category) => (
            <a key={category} href={`#${anchor(category)}`}>
              {category}
            </a>
          ))}
        </nav>
      )}
      {categories.map((category) => (
        <section key={category} aria-label={category} className="category">
          <h3 id={anchor(category)}>{category}</h3>
          <ul className="menu-list">
            {shown
              .filter((p) => p.category === category)
              .map((p) => {
                const soldOut = isSoldOut(p);
                const inCart = quantities.get(p.id) ?? 0;
                return (
                  <li key={p.id} className={`menu-item${soldOut ? " sold-out" : ""}`} aria-label={p.name}>
                    <div className="menu-text">
                      <span className="menu-name">{p.name}</span>
                      {p.description && <span className="menu-desc">{p.description}</span>}
                      <span className="menu-price">{formatMoney(p.priceCents, p.currency)}</span>
                    </div>
                    {soldOut ? (
                      <span className="badge status-sold-out">{strings.customer.soldOut}</span>
                    ) : (
                      <button
                        type="button"
                        className="button add"
                        onClick={() => onAdd(p.id)}
                        disabled={locked || !canAdd(p.id)}
                        aria-label={strings.customer.add(p.name)}
                      >
                        {strings.customer.addShort}
                        {inCart > 0 && <span className="in-cart"> · {inCart}</span>}
                      </button>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </section>
  );
}

const anchor = (category: string) => `category-${category.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
