import { LIMITS, type ProductDto } from "@ordered/contract";
import { type FormEvent, useState } from "react";
import { Modal } from "../components/Modal";
import { parsePrice } from "../lib/money";
import { strings } from "../strings";

export interface ProductInput {
  name: string;
  category: string;
  description: string;
  priceCents: number;
  stock: number | null;
}

interface Props {
  /** null: a new product. */
  product: ProductDto | null;
  onSave: (input: ProductInput) => Promise<void>;
  onClose: () => void;
}

export function ProductFormDialog({ product, onSave, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const priceCents = parsePrice(String(form.get("price")));
    if (priceCents === null) return setError(strings.products.invalidPrice);
    const stockText = String(form.get("stock")).trim();
    const stock = stockText === "" ? null : /^\d+$/.test(stockText) ? Number(stockText) : NaN;
    if (Number.isNaN(stock)) return setError(strings.products.invalidStock);
    setBusy(true);
    setError(null);
    try {
      await onSave({
        name: String(form.get("name")).trim(),
        category: String(form.get("category")).trim(),
        description: String(form.get("description")).trim(),
        priceCents,
        stock,
      });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Modal title={product ? strings.products.editTitle(product.name) : strings.products.addTitle} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>{strings.products.name}</span>
          <input name="name" defaultValue={product?.name} required maxLength={LIMITS.product.nameLength} autoFocus />
        </label>
        <label className="field">
          <span>{strings.products.category}</span>
          <input name="category" defaultValue={product?.category} required maxLength={LIMITS.product.categoryLength} />
        </label>
        <label className="field">
          <span>{strings.products.description}</span>
          <textarea name="description" defaultValue={product?.description} maxLength={LIMITS.product.descriptionLength} rows={2} />
        </label>
        <div className="row">
          <label className="field">
            <span>{strings.products.price}</span>
            <input name="price" inputMode="decimal" defaultValue={product ? (product.priceCents / 100).toFixed(2) : ""} required />
          </label>
          <label className="field">
            <span>{strings.products.stock}</span>
            <input name="stock" inputMode="numeric" defaultValue={product?.stock ?? ""} aria-describedby="stock-hint" />
            <small id="stock-hint" className="muted">
              {strings.products.stockHint}
            </small>
          </label>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {strings.common.cancel}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {strings.common.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
