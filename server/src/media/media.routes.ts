import type { ProductResponse } from "@ordered/contract";
import { z } from "zod";
import { staffOf } from "../auth/passport.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { getProduct } from "../products/products.service.js";
import { removePhoto, storePhoto } from "./photos.js";

/**
 * A product's photo: PUT its bytes (the raw body, read by the route table's file body:
 * http/file-body.ts) to replace it, DELETE to remove it. Staff of the product's location
 * only; archived products keep the photo they had.
 */
export function photoRoutes(deps: AppDeps) {
  return handlers({
    "PUT /api/products/:id/photo": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      const productId = params.id;
      // Before the image work: a 404 or 409 should not cost a decode.
      await assertPhotoEditable(deps.prisma, locationId, productId);
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const key = await storePhoto(deps.config.photoDir, productId, bytes);
      let oldKey: string | null;
      try {
        oldKey = await setPhotoKey(deps.prisma, locationId, productId, key);
      } catch (err) {
        await removeQuietly(deps, key);
        throw err;
      }
      if (oldKey) await removeQuietly(deps, oldKey);
      await answer(deps, reply, locationId, productId);
    },

    "DELETE /api/products/:id/photo": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      const oldKey = await setPhotoKey(deps.prisma, locationId, params.id, null);
      if (oldKey) await removeQuietly(deps, oldKey);
      await answer(deps, reply, locationId, params.id, oldKey !== null);
    },
  });
}

const EditableRow = z.object({ archived: z.boolean() });

const ASSERT_PHOTO_EDITABLE_SQL = statement<{ productId: string; locationId: string }>(
  "media.assert-photo-editable",
  (p) =>
    sql`SELECT archived_at IS NOT NULL AS archived FROM product WHERE id = ${p.productId}::uuid AND location_id = ${p.locationId}::uuid`,
);

/** 404 for another location's product (or none), 409 for an archived one. */
async function assertPhotoEditable(prisma: PrismaClient, locationId: string, productId: string): Promise<void> {
  const row = await sqlOn(prisma).row(EditableRow, ASSERT_PHOTO_EDITABLE_SQL, { productId, locationId });
  refuseUnlessEditable(row);
}

function refuseUnlessEditable(row: { archived: boolean } | undefined): void {
  if (!row) throw AppError.notFound("product");
  if (row.archived) throw new AppError("CONFLICT", "this product is archived; restore it before changing its photo");
}

const PhotoRow = z.object({ archived: z.boolean(), photo_key: z.string().nullable() });

const LOCK_PRODUCT_PHOTO_SQL = statement<{ productId: string; locationId: string }>(
  "media.lock-product-photo",
  (p) => sql`SELECT archived_at IS NOT NULL AS archived, photo_key FROM product
          WHERE id = ${p.productId}::uuid AND location_id = ${p.locationId}::uuid FOR UPDATE`,
);

const SET_PHOTO_KEY_SQL = statement<{ key: string | null; productId: string }>(
  "media.set-photo-key",
  (p) => sql`UPDATE product SET photo_key = ${p.key}, version = version + 1, updated_at = ${CLOCK} WHERE id = ${p.productId}::uuid`,
);

/**
 * Points the product at `key` (null: no photo) and returns the key it had. One UPDATE sets
 * the key, raises the version (an edit form opened before must reload) and the stamp; the
 * row lock makes concurrent uploads take turns, so each one learns the key it replaced and
 * no photo is left behind unreferenced. Removing a photo that is not there changes nothing.
 */
async function setPhotoKey(prisma: PrismaClient, locationId: string, productId: string, key: string | null): Promise<string | null> {
  return sqlTransaction(prisma, async (db) => {
    const row = await db.row(PhotoRow, LOCK_PRODUCT_PHOTO_SQL, { productId, locationId });
    refuseUnlessEditable(row);
    if (key === null && row!.photo_key === null) return null;
    await db.run(SET_PHOTO_KEY_SQL, { key, productId });
    return row!.photo_key;
  });
}

/** The old files go after the database no longer names them; one left behind only wastes disk. */
async function removeQuietly(deps: AppDeps, key: string): Promise<void> {
  await removePhoto(deps.config.photoDir, key).catch((err: unknown) => deps.log.warn({ err, key }, "could not remove a photo's files"));
}

async function answer(
  deps: AppDeps,
  reply: (body: ProductResponse) => void,
  locationId: string,
  productId: string,
  changed = true,
): Promise<void> {
  const product = await getProduct(deps.prisma, locationId, productId);
  reply({ product });
  // After the response: a broadcast to thousands of phones must not hold up the staff.
  if (changed) deps.publisher.productChanged(locationId, product);
}
