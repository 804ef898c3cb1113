/**
 * The one ProductDto builder: PostgreSQL builds the JSON (with the category's name, the
 * option groups and their options, in order) in the statement that reads the products, so
 * the staff list, the phones' menu, placement and every edit answer the same shape.
 */
import { type ProductDto, ProductDto as ProductDtoSchema } from "@ordered/contract";
import { z } from "zod";
import { type Args, type Params, raw, type Sql, type SqlRunner, type Statement, sql, statement } from "../db/sql.js";
import { photoUrls } from "../media/photo-urls.js";

/** `p` is the product row, `cat` its category. The photo's URLs are made in JS from photo_key. */
export const PRODUCT_JSON = raw(`json_build_object(
  'id', p.id, 'name', p.name, 'description', p.description, 'categoryId', p.category_id, 'category', cat.name,
  'priceCents', p.price_cents, 'currency', p.currency, 'available', p.available, 'stock', p.stock,
  'hidden', p.hidden, 'archived', p.archived_at IS NOT NULL, 'version', p.version,
  'allergens', to_json(p.allergens), 'tags', to_json(p.tags), 'photo', NULL, 'taxRateId', p.tax_rate_id, 'translations', p.translations,
  'optionGroups', (
    SELECT coalesce(json_agg(json_build_object(
      'id', g.id, 'name', g.name, 'minChoices', g.min_choices, 'maxChoices', g.max_choices, 'translations', g.translations,
      'options', (
        SELECT coalesce(json_agg(json_build_object(
          'id', o.id, 'name', o.name, 'priceDeltaCents', o.price_delta_cents, 'available', o.available, 'translations', o.translations)
          ORDER BY o.position), '[]'::json)
        FROM product_option o WHERE o.group_id = g.id)
    ) ORDER BY g.position), '[]'::json)
    FROM option_group g WHERE g.product_id = p.id))`);

const Row = z.strictObject({ dto: ProductDtoSchema, photo_key: z.string().nullable() });

/** A statement that reads products as DTOs: `where` filters `p` (and may use `cat`), in menu order (category position, then name). */
export const productsWhere = <P extends object>(name: string, where: (p: Params<P>) => Sql): Statement<P> =>
  statement<P>(
    name,
    (p) => sql`SELECT ${PRODUCT_JSON} AS dto, p.photo_key FROM product p JOIN category cat ON cat.id = p.category_id
      WHERE ${where(p)} ORDER BY cat.position, lower(p.name), p.id`,
  );

/** Products as DTOs, read by a statement of `productsWhere`. */
export async function loadProducts<P>(db: SqlRunner, products: Statement<P>, ...params: Args<P>): Promise<ProductDto[]> {
  const rows = await db.rows(Row, products, ...params);
  return rows.map((r) => ({ ...r.dto, photo: photoUrls(r.photo_key) }));
}
