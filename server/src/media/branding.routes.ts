import type { LocationResponse } from "@ordered/contract";
import { z } from "zod";
import { staffOf } from "../auth/passport.js";
import type { PrismaClient } from "../db/prisma.js";
import { raw, sql, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { getLocation } from "../locations/location-dto.sql.js";
import { removePhoto, storePhoto } from "./photos.js";

/** The location's branding images: which column holds each one's photo key. */
const COLUMN = { logo: "logo_key", cover: "cover_key" } as const;
type Image = keyof typeof COLUMN;

/**
 * The venue's logo and cover photo (issue 35): PUT the image's bytes to replace one, DELETE to
 * remove it. They go through the product photos' pipeline (photos.ts: checked by their bytes,
 * sized WebP variants, a fresh key per upload served immutable); the staff's own location only.
 * The colour is a plain setting (PATCH /api/location).
 */
export function brandingRoutes(deps: AppDeps) {
  const put = async (image: Image, locationId: string, body: unknown) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const key = await storePhoto(deps.config.photoDir, locationId, bytes);
    let oldKey: string | null;
    try {
      oldKey = await setImageKey(deps.prisma, image, locationId, key);
    } catch (err) {
      await removeQuietly(deps, key);
      throw err;
    }
    if (oldKey) await removeQuietly(deps, oldKey);
    return { location: await getLocation(deps.prisma, locationId) } satisfies LocationResponse;
  };
  const remove = async (image: Image, locationId: string) => {
    const oldKey = await setImageKey(deps.prisma, image, locationId, null);
    if (oldKey) await removeQuietly(deps, oldKey);
    return { location: await getLocation(deps.prisma, locationId) } satisfies LocationResponse;
  };
  return handlers({
    "PUT /api/location/logo": async ({ req, body, reply }) => reply(await put("logo", staffOf(req).locationId, body)),
    "DELETE /api/location/logo": async ({ req, reply }) => reply(await remove("logo", staffOf(req).locationId)),
    "PUT /api/location/cover": async ({ req, body, reply }) => reply(await put("cover", staffOf(req).locationId, body)),
    "DELETE /api/location/cover": async ({ req, reply }) => reply(await remove("cover", staffOf(req).locationId)),
  });
}

const KeyRow = z.object({ key: z.string().nullable() });

// The column is one of COLUMN's two names, never a request's text.
const lockImage = (image: Image) =>
  statement<{ locationId: string }>(
    `media.lock-location-${image}`,
    (p) => sql`SELECT ${raw(COLUMN[image])} AS key FROM location WHERE id = ${p.locationId}::uuid FOR NO KEY UPDATE`,
  );
const setImage = (image: Image) =>
  statement<{ locationId: string; key: string | null }>(
    `media.set-location-${image}`,
    (p) => sql`UPDATE location SET ${raw(COLUMN[image])} = ${p.key} WHERE id = ${p.locationId}::uuid`,
  );
const LOCK_IMAGE_SQL = { logo: lockImage("logo"), cover: lockImage("cover") };
const SET_IMAGE_SQL = { logo: setImage("logo"), cover: setImage("cover") };

/**
 * Points the location's logo or cover at `key` (null: none) and returns the key it had; the
 * row lock makes concurrent uploads take turns, so each learns the key it replaced and no
 * image is left behind unreferenced.
 */
async function setImageKey(prisma: PrismaClient, image: Image, locationId: string, key: string | null): Promise<string | null> {
  return sqlTransaction(prisma, async (db) => {
    const row = await db.row(KeyRow, LOCK_IMAGE_SQL[image], { locationId });
    if (!row) throw AppError.notFound("location");
    if (key === null && row.key === null) return null;
    await db.run(SET_IMAGE_SQL[image], { locationId, key });
    return row.key;
  });
}

/** The old files go after the database no longer names them; one left behind only wastes disk. */
async function removeQuietly(deps: AppDeps, key: string): Promise<void> {
  await removePhoto(deps.config.photoDir, key).catch((err: unknown) =>
    deps.log.warn({ err, key }, "could not remove a branding image's files"),
  );
}
