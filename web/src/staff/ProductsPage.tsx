import type { ProductDto, ProductListResponse, ProductResponse } from "@ordered/contract";
import { useCallback, useState } from "react";
import { api } from "../api/http";
import { formatMoney } from "../lib/money";
import { useProducts } from "../realtime/use-products";
import { strings } from "../strings";
import { ProductFormDialog, type ProductInput } from "./ProductFormDialog";
import type { StaffAuth } from "./staff-auth";

/** /panel/products: edit the menu and mark products sold out; other staff's changes show live. */
export function ProductsPage({ auth }: { auth: StaffAuth }) {
  const token = auth.token;
  const load = useCallback(() => api<ProductListResponse>("/products", { token }).then((res) => res.products), [token]);
  const { products, error: loadError, put } = useProducts(load);
  const [actionError, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProductDto | "new" | null>(null);
  const error = actionError ?? (loadError instanceof Error ? loadError.message : loadError ? String(loadError) : null);

  async function toggle(p: ProductDto) {
    setError(null);
    put({ ...p, available: !p.available }); // show it at once; the answer (or an error) settles it
    try {
      const res = await api<ProductResponse>(`/products/${p.id}/availability`, {
        token,
        method: "PUT",
        body: { available: !p.available },
      });
      put(res.product);
    } catch (err) {
      put(p);
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function save(input: ProductInput) {
    const res =
      editing === "new"
        ? await api<ProductResponse>("/products", { token, body: input })
        : await api<ProductResponse>(`/products/${(editing as ProductDto).id}`, { token, method: "PATCH", body: input });
    put(res.product);
  }

  const sorted = [...(products ?? [])].sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));

  return (
    <main className="products-page">
      <div className="page-head">
        <h1>{strings.products.title}</h1>
        <button type="button" className="button primary" onClick={() => setEditing("new")}>
          {strings.products.add}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!products ? (
        <p className="muted">{strings.common.loading}</p>
      ) : (
        <table className="products">
          <thead>
            <tr>
              <th scope="col">{strings.products.name}</th>
              <th scope="col">{strings.products.category}</th>
              <th scope="col">{strings.products.price}</th>
              <th scope="col">{strings.products.stock}</th>
              <th scope="col">{strings.products.soldOut}</th>
              <th scope="col">
                <span className="visually-hidden">{strings.products.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.id} className={p.available ? "" : "sold-out"}>
                <th scope="row">{p.name}</th>
                <td>{p.category}</td>
                <td>{formatMoney(p.priceCents, p.currency)}</td>
                <td>
                  {p.stock ?? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{strings.products.notTracked}</span>
                    </>
                  )}
                </td>
                <td>
                  <input
                    type="checkbox"
                    className="switch"
                    checked={!p.available}
                    onChange={() => toggle(p)}
                    aria-label={strings.products.soldOutToggle(p.name)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button ghost small"
                    onClick={() => setEditing(p)}
                    aria-label={strings.products.edit(p.name)}
                  >
                    {strings.products.editShort}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <ProductFormDialog product={editing === "new" ? null : editing} onSave={save} onClose={() => setEditing(null)} />}
    </main>
  );
}
