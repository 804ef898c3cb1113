// Photos for the demo menu, drawn here (demo-illustrations.ts) and stored through the same
// photo store as staff uploads, so a new user's menu has pictures from the first start.
import sharp from "sharp";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { removePhoto, storePhoto } from "../media/photos.js";
import { illustrate } from "./demo-illustrations.js";

const Row = z.object({ id: z.string(), name: z.string(), category: z.string() });

const PRODUCTS_WITHOUT_PHOTO_SQL = statement<{ locationId: string }>(
  "demo-photos.products-without-photo",
  (p) => sql`SELECT p.id::text AS id, p.name, cat.name AS category FROM product p JOIN category cat ON cat.id = p.category_id
        WHERE p.location_id = ${p.locationId}::uuid AND p.photo_key IS NULL AND p.archived_at IS NULL`,
);

const SET_DEMO_PHOTO_SQL = statement<{ key: string; id: string }>(
  "demo-photos.set-photo",
  (p) => sql`UPDATE product SET photo_key = ${p.key} WHERE id = ${p.id}::uuid AND photo_key IS NULL`,
);

/**
 * Gives every product of the location that has no photo (and is not archived) its
 * illustration, stored in `dir`. Returns how many photos it stored. Products that got a
 * photo meanwhile keep theirs.
 */
export async function seedDemoPhotos(prisma: PrismaClient, dir: string, locationId: string): Promise<number> {
  const db = sqlOn(prisma);
  const products = await db.rows(Row, PRODUCTS_WITHOUT_PHOTO_SQL, { locationId });
  let stored = 0;
  for (const p of products) {
    // A PNG first: the store takes only what a camera or phone would upload.
    const png = await sharp(Buffer.from(illustrate(p.name, p.category)))
      .png()
      .toBuffer();
    const key = await storePhoto(dir, p.id, png);
    const updated = await db.run(SET_DEMO_PHOTO_SQL, { key, id: p.id }).catch(async (err: unknown) => {
      await removePhoto(dir, key);
      throw err;
    });
    if (updated === 0) await removePhoto(dir, key);
    else stored++;
  }
  return stored;
}
