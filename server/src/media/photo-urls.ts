import type { PhotoDto } from "@ordered/contract";
import { raw, type Sql } from "../db/sql.js";

/** Where photo variants are served (serve-media.ts serves the photo folder there). */
export const MEDIA_PATH = "/media/products";

/**
 * The URLs of a stored photo's variants. The key names one upload (it changes with every
 * upload), so each URL's content never changes and is served with an immutable cache.
 */
export function photoUrls(photoKey: string | null): PhotoDto | null {
  if (!photoKey) return null;
  const url = (size: keyof PhotoDto) => `${MEDIA_PATH}/${photoKey}-${size}.webp`;
  return { small: url("small"), medium: url("medium"), large: url("large") };
}

/**
 * photoUrls in SQL, for DTOs PostgreSQL builds (a location's logo and cover): `column` holds
 * a photo key or null. The path is this file's constant, never a request's text.
 */
export function photoUrlsJson(column: string): Sql {
  const url = (size: keyof PhotoDto) => `'${MEDIA_PATH}/' || ${column} || '-${size}.webp'`;
  return raw(
    `CASE WHEN ${column} IS NULL THEN NULL ELSE json_build_object('small', ${url("small")}, 'medium', ${url("medium")}, 'large', ${url("large")}) END`,
  );
}
