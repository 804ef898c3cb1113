import type { PhotoDto } from "@ordered/contract";

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
