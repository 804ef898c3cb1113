import { type CategoryDto, can, type ProductDto } from "@ordered/contract/client";
import { useCallback, useState } from "react";
import { ApiError, api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n/i18n";
import { useProducts } from "../../realtime/use-products";
import { strings } from "../../strings";
import { CategoriesPanel } from "./CategoriesPanel";
import { CoursesPanel } from "./CoursesPanel";
import { PrintersPanel } from "./PrintersPanel";
import { ProductFormDialog } from "./ProductFormDialog";
import { ProductRow } from "./ProductRow";
import { StationsPanel } from "./StationsPanel";
import { TaxRatesPanel } from "./TaxRatesPanel";
import { useCategories } from "./use-categories";
import { useCourses } from "./use-courses";
import { useStations } from "./use-stations";
import { useTaxRates } from "./use-tax-rates";

type Editing = { product: ProductDto } | { product: null; categoryId?: string };

/** The products of each category, in the categories' order; products of an unknown category last. */
function groupByCategory(categories: readonly CategoryDto[], products: readonly ProductDto[]) {
  const byName = (a: ProductDto, b: ProductDto) => a.name.localeCompare(b.name);
  const known = new Set(categories.map((c) => c.id));
  const groups: { id: string; category: CategoryDto | null; products: ProductDto[] }[] = categories.map((c) => ({
    id: c.id,
    category: c,
    products: products.filter((p) => p.categoryId === c.id).sort(byName),
  }));
  const other = products.filter((p) => !known.has(p.categoryId)).sort(byName);
  if (other.length > 0) groups.push({ id: "other", category: null, products: other });
  return groups;
}

/**
 * /panel/products: the menu as staff manage it. Products by category (sold out, hide,
 * archive, edit) and the categories and stations beside them; other staff's changes show live.
 * A role without menu.edit (a waiter) sees the products only to mark them sold out.
 */
export function ProductsPage({ auth }: { auth: StaffAuth }) {
  const s = strings.menuAdmin;
  const token = auth.token;
  const { location } = auth.staff;
  const [showArchived, setShowArchived] = useState(false);
  const load = useCallback(
    () => api("GET /api/products", { token, query: { archived: showArchived ? "include" : "exclude" } }).then((res) => res.products),
    [token, showArchived],
  );
  const { products, error: loadError, put } = useProducts(load);
  const categories = useCategories(token);
  const canEdit = can(auth.staff.role, "menu.edit");
  const stations = useStations(token);
  const courses = useCourses(token);
  const taxRates = useTaxRates(token);
  const [actionError, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [archiving, setArchiving] = useState<ProductDto | null>(null);
  const error = actionError ?? (loadError instanceof Error ? loadError.message : loadError ? String(loadError) : null);

  // Archived products arrive live too (product:updated); they show only when asked for.
  const listed = (products ?? []).filter((p) => showArchived || !p.archived);
  const groups = groupByCategory(categories.categories ?? [], listed);
  const counts = new Map<string, number>();
  for (const p of listed) counts.set(p.categoryId, (counts.get(p.categoryId) ?? 0) + 1);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const toggleSoldOut = (p: ProductDto) =>
    run(async () => {
      put({ ...p, available: !p.available }); // show it at once; the answer (or an error) settles it
      try {
        put((await api("PUT /api/products/:id/availability", { token, params: { id: p.id }, body: { available: !p.available } })).product);
      } catch (err) {
        put(p);
        throw err;
      }
    });

  /** Hiding is one field: when someone saved the product meanwhile, it is sent again on their version. */
  const toggleHidden = (p: ProductDto) =>
    run(async () => {
      const hidden = !p.hidden;
      const patch = (version: number) =>
        api("PATCH /api/products/:id", { token, params: { id: p.id }, body: { version, hidden } }).then((r) => r.product);
      try {
        put(await patch(p.version));
      } catch (err) {
        if (!(err instanceof ApiError && err.code === "CONFLICT")) throw err;
        const newer = (await api("GET /api/products/:id", { token, params: { id: p.id } })).product;
        put(newer.hidden === hidden ? newer : await patch(newer.version));
      }
    });

  const restore = (p: ProductDto) =>
    run(async () => put((await api("POST /api/products/:id/restore", { token, params: { id: p.id } })).product));

  async function archive(p: ProductDto) {
    put((await api("POST /api/products/:id/archive", { token, params: { id: p.id } })).product);
  }

  const editingId = editing?.product?.id;
  const latest = editingId ? products?.find((p) => p.id === editingId) : undefined;
  const categoryList = categories.categories ?? [];

  return (
    <main className="products-page menu-admin">
      <div className="page-head">
        <h1>{s.title}</h1>
        <div className="page-head-actions">
          {canEdit && (
            <>
              <a className="button ghost jump-link" href="#menu-categories">
                {s.jumpToCategories}
              </a>
              <label className="plain-check">
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
                <span>{s.showArchived}</span>
              </label>
              <button
                type="button"
                className="button primary"
                onClick={() => setEditing({ product: null })}
                disabled={categories.categories !== null && categoryList.length === 0}
              >
                {s.addProduct}
              </button>
            </>
          )}
        </div>
      </div>
      <div className="menu-admin-layout">
        <section className="menu-products" aria-labelledby="menu-products-title">
          <h2 id="menu-products-title" className="visually-hidden">
            {s.productsTitle}
          </h2>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {!products || categories.categories === null ? (
            !error && <p className="muted">{t("common.loading")}</p>
          ) : categoryList.length === 0 ? (
            <p className="card muted">{s.needCategory}</p>
          ) : (
            groups.map((g) => {
              const name = g.category?.name ?? s.otherCategory;
              return (
                <section key={g.id} className="card product-group" aria-labelledby={`group-${g.id}`}>
                  <div className="section-head">
                    <h3 id={`group-${g.id}`}>
                      {name} <span className="count">{g.products.length}</span>
                    </h3>
                    {g.category?.hidden && <span className="badge badge-hidden">{strings.categories.hidden}</span>}
                    {g.category && canEdit && (
                      <button
                        type="button"
                        className="button ghost small add-here"
                        onClick={() => setEditing({ product: null, categoryId: g.id })}
                        aria-label={s.addProductTo(name)}
                      >
                        + {s.addShort}
                      </button>
                    )}
                  </div>
                  {g.products.length === 0 ? (
                    <p className="muted small">{s.emptyCategory}</p>
                  ) : (
                    <ul className="product-list">
                      {g.products.map((p) => (
                        <ProductRow
                          key={p.id}
                          product={p}
                          onToggleSoldOut={() => toggleSoldOut(p)}
                          onToggleHidden={() => toggleHidden(p)}
                          onArchive={() => setArchiving(p)}
                          onRestore={() => restore(p)}
                          onEdit={() => setEditing({ product: p })}
                          canEdit={canEdit}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })
          )}
        </section>
        {canEdit && (
          <div className="menu-admin-side">
            <CategoriesPanel
              token={token}
              timeZone={location.timeZone}
              categories={categories.categories}
              loadError={categories.error}
              counts={counts}
              put={categories.put}
              reload={categories.reload}
              stations={stations.stations ?? []}
              courses={courses.courses ?? []}
              taxRates={taxRates.taxRates ?? []}
            />
            <StationsPanel
              token={token}
              stations={stations.stations}
              loadError={stations.error}
              categories={categoryList}
              put={stations.put}
              reload={stations.reload}
            />
            <CoursesPanel
              token={token}
              courses={courses.courses}
              loadError={courses.error}
              categories={categoryList}
              put={courses.put}
              reload={courses.reload}
            />
            <PrintersPanel
              token={token}
              stations={stations.stations ?? []}
              receiptPrinterId={location.receiptPrinterId}
              onStation={(station) => stations.put((stations.stations ?? []).map((st) => (st.id === station.id ? station : st)))}
            />
            <TaxRatesPanel
              token={token}
              taxRates={taxRates.taxRates}
              loadError={taxRates.error}
              categories={categoryList}
              products={products ?? []}
              put={taxRates.put}
              reload={taxRates.reload}
            />
          </div>
        )}
      </div>
      {editing && (
        <ProductFormDialog
          token={token}
          product={editing.product}
          categories={categoryList}
          taxRates={taxRates.taxRates ?? []}
          categoryId={editing.product ? undefined : editing.categoryId}
          currency={location.currency}
          latestVersion={latest?.version}
          onSaved={put}
          onClose={() => setEditing(null)}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={s.archiveTitle}
          message={s.confirmArchive(archiving.name)}
          confirmLabel={s.archive}
          onConfirm={() => archive(archiving)}
          onClose={() => setArchiving(null)}
        />
      )}
    </main>
  );
}
