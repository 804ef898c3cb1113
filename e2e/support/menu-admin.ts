// Helpers for the staff's menu specs (issue 13): what the server stored, a photo to upload,
// and the products page's parts by role.
import type { CategoryDto, ProductDto } from "@ordered/contract";
import { expect, type Locator, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import type { ApiClient } from "../../server/dist/tools/api-client.js";

/** The location's categories in order, as the server has them. */
export async function categoriesOf(api: ApiClient, token: string): Promise<CategoryDto[]> {
  return (await api.route("GET /api/categories", { token })).categories;
}

/** A product by name, archived ones too, as the server has it. */
export async function productNamed(api: ApiClient, token: string, name: string): Promise<ProductDto> {
  const { products } = await api.route("GET /api/products", { token, query: { archived: "include" } });
  const product = products.find((p) => p.name === name);
  if (!product) throw new Error(`no product named ${name}`);
  return product;
}

/** A small real PNG (a plate on a table, more or less), made here so the spec needs no fixture file. */
export function platePng(width = 240, height = 180): Buffer {
  const png = new PNG({ width, height });
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) * 0.38;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d = Math.hypot(x - cx, y - cy);
      const [red, green, blue] = d < r * 0.7 ? [214, 120, 52] : d < r ? [245, 245, 240] : [120 + (x % 20), 84, 52];
      png.data[i] = red;
      png.data[i + 1] = green;
      png.data[i + 2] = blue;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Opens the products page from the panel's navigation. */
export async function openMenuPage(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "Menu", level: 1 })).toBeVisible();
}

/** The categories panel. */
export const categoriesPanel = (page: Page): Locator => page.getByRole("region", { name: /^Categories/ });

/** A category's row in the categories panel. */
export const categoryRow = (page: Page, name: string): Locator => categoriesPanel(page).getByRole("listitem", { name, exact: true });

/** The category names in the panel, in order. */
export const categoryNames = (page: Page): Locator => categoriesPanel(page).locator(".category-name");

/** A product's row on the products page. */
export const productRow = (page: Page, name: string): Locator =>
  page.locator(".menu-products").getByRole("listitem", { name, exact: true });

/** The products page's category sections' headings, in order. */
export const productGroupHeadings = (page: Page): Locator => page.locator(".menu-products h3");
