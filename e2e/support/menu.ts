// Helpers for the phone-menu specs (issue 13): the menu is built over the real REST API (as
// staff would in the products page), so each spec drives one UI, the phone's.
import {
  type CategoryDto,
  type CreateCategoryBody,
  type CreateProductBody,
  minutesInZone,
  type ProductDto,
  type UpdateProductBody,
} from "@ordered/contract";
import type { Page, TestInfo } from "@playwright/test";
import { PNG } from "pngjs";
import { type ApiClient, createApiClient } from "../../server/dist/tools/api-client.js";
import { baseUrl } from "./ui.js";

/** A pizza's size: one of Small or Large (+3.00), required. */
export const SIZE_GROUP = {
  name: "Size",
  minChoices: 1,
  maxChoices: 1,
  options: [
    { name: "Small", priceDeltaCents: 0 },
    { name: "Large", priceDeltaCents: 300 },
  ],
};

export async function createCategory(api: ApiClient, token: string, body: CreateCategoryBody): Promise<CategoryDto> {
  return (await api.route("POST /api/categories", { token, body })).category;
}

export async function createProduct(api: ApiClient, token: string, body: CreateProductBody): Promise<ProductDto> {
  return (await api.route("POST /api/products", { token, body })).product;
}

export async function updateProduct(api: ApiClient, token: string, id: string, body: UpdateProductBody): Promise<ProductDto> {
  return (await api.route("PATCH /api/products/:id", { token, params: { id }, body })).product;
}

/** Uploads a photo as the products page does: the image's bytes as the body. */
export async function uploadPhoto(token: string, productId: string, png: Buffer): Promise<ProductDto> {
  const api = createApiClient(baseUrl(0));
  const body = new Uint8Array(png);
  return (await api.route("PUT /api/products/:id/photo", { token, params: { id: productId }, body, contentType: "image/png" })).product;
}

/** The location's time zone: service windows are read in it. */
export async function timeZoneOf(api: ApiClient, token: string): Promise<string> {
  return (await api.route("GET /api/location", { token })).location.timeZone;
}

/** "HH:MM" in `timeZone`, `offsetMinutes` from now (wrapping around midnight). */
export function clockIn(timeZone: string, offsetMinutes: number): string {
  const m = (((minutesInZone(new Date(), timeZone) + offsetMinutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** A pizza seen from above (crust, tomato, mozzarella, basil) as a PNG: a photo with something to look at. */
export function pizzaPng(width = 640, height = 480): Buffer {
  const png = new PNG({ width, height });
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) * 0.42;
  const spots = [
    [-0.35, -0.2, 0.16],
    [0.3, -0.3, 0.14],
    [0.05, 0.1, 0.17],
    [-0.25, 0.35, 0.13],
    [0.4, 0.25, 0.15],
  ] as const;
  const leaves = [
    [-0.1, -0.45],
    [0.5, -0.05],
    [-0.5, 0.1],
    [0.15, 0.45],
  ] as const;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - cx) / r;
      const dy = (y - cy) / r;
      const d = Math.hypot(dx, dy);
      let rgb: [number, number, number] = (x >> 5) % 2 === 0 ? [120, 84, 52] : [132, 94, 60]; // a wooden board
      if (d < 1) rgb = [214, 160, 84]; // crust
      if (d < 0.86) rgb = [190, 48, 38]; // tomato
      if (d < 0.86 && spots.some(([sx, sy, sr]) => Math.hypot(dx - sx, dy - sy) < sr)) rgb = [248, 240, 220];
      if (d < 0.86 && leaves.some(([lx, ly]) => Math.hypot((dx - lx) * 1.8, dy - ly) < 0.09)) rgb = [46, 125, 50];
      const i = (y * width + x) * 4;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The phone sizes the menu must look right at (a common phone and a small one) and a tablet. */
export const MENU_SIZES = [
  [390, 844],
  [320, 568],
  [1024, 768],
] as const;

/**
 * Screenshots the page at each size; `before` runs after each resize (e.g. to scroll the cart
 * into view). The viewport is put back afterwards.
 */
export async function menuScreenshots(page: Page, info: TestInfo, name: string, before?: () => Promise<void>): Promise<void> {
  const original = page.viewportSize();
  for (const [width, height] of MENU_SIZES) {
    await page.setViewportSize({ width, height });
    if (before) await before();
    await page.waitForTimeout(150); // let a smooth scroll settle
    await page.screenshot({ path: info.outputPath(`${name}-${width}x${height}.png`) });
  }
  if (original) await page.setViewportSize(original);
}
