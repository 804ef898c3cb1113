/**
 * The photo store: a product photo's sized WebP variants, as files in one folder; a venue's
 * logo and cover photo (issue 35) are stored the same way, under the location's id.
 *
 * A stored photo is named by a key, `<productId or locationId>-<16 hex>`, fresh for every upload: a key's
 * files never change, so they are served with an immutable cache (serve-media.ts), and a
 * replaced photo is a new key, never an overwrite. The files are `<key>-<size>.webp`.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LIMITS } from "@ordered/contract";
import sharp from "sharp";
import { AppError } from "../errors.js";

export type PhotoSize = keyof typeof LIMITS.photo.widths;
export const PHOTO_SIZES = Object.keys(LIMITS.photo.widths) as PhotoSize[];

/**
 * Most pixels an upload may have: 40 megapixels is more than any phone camera takes. A few
 * kilobytes of PNG can declare a 50,000 × 50,000 image that needs gigabytes to decode (a
 * decompression bomb); such images are refused from their header, before any decoding.
 */
export const MAX_PHOTO_PIXELS = 40_000_000;

/** A variant is at most this many times as tall as it is wide (WebP cannot pass 16,383 px). */
const MAX_ASPECT = 4;

/** WebP quality of the variants: photos look right at 80 and weigh a third of a JPEG's 90. */
const WEBP_QUALITY = 80;

/** A photo key: a product's or location's id (a lower-case UUID) and 16 random hex characters. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{16}$/;

/** A variant's file name: what /media/products/ serves, and nothing else. */
export const VARIANT_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{16})-(small|medium|large)\.webp$/;

export const isPhotoKey = (key: string): boolean => KEY.test(key);

export const variantFile = (key: string, size: PhotoSize): string => `${key}-${size}.webp`;

type AcceptedFormat = (typeof LIMITS.photo.formats)[number];

/** Names the accepted formats in messages: "JPEG, PNG or WebP". */
const ACCEPTED = "JPEG, PNG or WebP";

/**
 * The format the bytes start with. Only the accepted formats' signatures get the bytes to
 * the image decoders at all (an SVG, for one, would go to an XML parser); a few common
 * others are recognised only to name them in the refusal.
 */
function sniff(bytes: Buffer): AcceptedFormat | { other: string } {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString("latin1");
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 4) === "GIF8") return { other: "a GIF" };
  if (ascii(4, 8) === "ftyp") return { other: /^(heic|heix|mif1|msf1|avif)$/.test(ascii(8, 12)) ? "a HEIC/AVIF image" : "a video" };
  if (ascii(0, 2) === "BM") return { other: "a BMP" };
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return { other: "a TIFF" };
  if (ascii(0, 5) === "%PDF-") return { other: "a PDF" };
  if (/<svg[\s>]/i.test(ascii(0, 1024))) return { other: "an SVG" };
  return { other: "not an image" };
}

const unsupported = (what: string) =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", `photo: the file is ${what}; upload a ${ACCEPTED} image (a photo from a phone or camera)`);

const damaged = (format: AcceptedFormat) =>
  new AppError("VALIDATION_FAILED", `photo: the ${format.toUpperCase()} image is damaged or incomplete; export it again and retry`);

/**
 * Checks the bytes, makes the variants and stores them; returns the new key. Throws
 * UNSUPPORTED_MEDIA_TYPE for anything but a JPEG, PNG or WebP (judged by the bytes, never
 * by a name or a Content-Type), VALIDATION_FAILED for a damaged image or one past
 * MAX_PHOTO_PIXELS. Nothing is written unless every variant was made.
 */
export async function storePhoto(dir: string, ownerId: string, bytes: Buffer): Promise<string> {
  const key = `${ownerId}-${randomBytes(8).toString("hex")}`;
  if (!isPhotoKey(key)) throw new Error(`not a product or location id: ${JSON.stringify(ownerId)}`);
  const variants = await makeVariants(bytes);
  await writeVariants(dir, key, variants);
  return key;
}

/** Deletes a stored photo's files; files already gone are fine. */
export async function removePhoto(dir: string, key: string): Promise<void> {
  if (!isPhotoKey(key)) throw new Error(`not a photo key: ${JSON.stringify(key)}`);
  await Promise.all(PHOTO_SIZES.map((size) => rm(path.join(dir, variantFile(key, size)), { force: true })));
}

/** Every variant, encoded in memory: a bad image fails here, before anything is written. */
async function makeVariants(bytes: Buffer): Promise<Map<PhotoSize, Buffer>> {
  if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", `photo: the body is empty; send the image's bytes`);
  const format = sniff(bytes);
  if (typeof format !== "string") throw unsupported(format.other);
  // The header only: no pixel is decoded yet.
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damaged(format);
    });
  if (meta.format !== format) throw damaged(format);
  const { width, height } = meta;
  if (!width || !height) throw damaged(format);
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new AppError(
      "VALIDATION_FAILED",
      `photo: ${width} × ${height} pixels is more than the ${MAX_PHOTO_PIXELS / 1_000_000} megapixels accepted; make it smaller and retry`,
    );
  }
  const variants = new Map<PhotoSize, Buffer>();
  try {
    for (const size of PHOTO_SIZES) {
      const w = LIMITS.photo.widths[size];
      const variant = await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "warning" })
        // Phones store the camera's orientation in EXIF; the variants have it applied, and no
        // metadata at all (sharp writes none unless told: no location, no camera serial).
        .autoOrient()
        .resize({ width: w, height: w * MAX_ASPECT, fit: "inside", withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer();
      variants.set(size, variant);
    }
  } catch {
    // libvips' own message names decoder internals ("VipsJpeg: premature end of JPEG image").
    throw damaged(format);
  }
  return variants;
}

/**
 * Writes each variant under a temporary name, then renames them into place (a rename within
 * one folder is atomic): a crash leaves at most unreferenced files, never a half-written one
 * under a served name. The key reaches the database only after this returns.
 */
async function writeVariants(dir: string, key: string, variants: Map<PhotoSize, Buffer>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = (size: PhotoSize) => path.join(dir, `.tmp-${variantFile(key, size)}`);
  try {
    await Promise.all([...variants].map(([size, data]) => writeFile(temp(size), data, { flag: "wx" })));
    for (const size of variants.keys()) await rename(temp(size), path.join(dir, variantFile(key, size)));
  } catch (err) {
    await Promise.all(PHOTO_SIZES.map((size) => rm(temp(size), { force: true })));
    await removePhoto(dir, key);
    throw err;
  }
}
