// Issue 35, item 4: the venue's colour, logo and cover photo, set on the panel's Settings (the
// colour judged for contrast as it is typed), shown on the phones (the bar's logo, the cover
// above the menu, the colour on the primary buttons) and on the printed table cards.
import sharp from "sharp";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { joinWithoutName, openSessionWithLink, PHONE, SMALL_PHONE } from "../support/phone-screens.js";
import { createTable } from "../support/phone-side.js";

const BRAND = "#0b5d3b"; // a deep green: white text on it is 7.9:1
const LANDSCAPE = { width: 740, height: 360 } as const;

/** A wide logo on a transparent background, as venues have them. */
const logo = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
      <circle cx="100" cy="100" r="90" fill="${BRAND}"/><text x="100" y="128" font-size="90" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">T</text>
      <text x="200" y="128" font-size="84" font-family="serif" font-weight="700" fill="#7c2d12">Trattoria</text></svg>`),
  )
    .png()
    .toBuffer();

/** A cover photo: a warm gradient with a few shapes, 1600 × 900. */
const cover = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
      <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#7c2d12"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/><circle cx="400" cy="450" r="260" fill="#fde68a" opacity="0.5"/>
      <circle cx="1150" cy="380" r="180" fill="#14532d" opacity="0.5"/></svg>`),
  )
    .jpeg()
    .toBuffer();

test("the owner brands the venue in Settings; the phone and the card sheet show it", async ({ panel: page, api, venue, phones }) => {
  const info = test.info();
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();
  const section = page.getByRole("region", { name: "Branding" });
  await expect(section).toBeVisible();
  await expect(section.getByText("Not set: the app's own blue.")).toBeVisible();

  // A light colour is refused as it is typed, saying why; a dark one passes.
  const field = section.getByLabel("Brand colour", { exact: true });
  await field.fill("#ffcc00");
  await expect(section.getByText(/white text on #ffcc00 has a contrast of 1\.51:1, below the 4\.5:1 that WCAG AA asks/)).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(BRAND.toUpperCase());
  await expect(section.getByText(/White text on it: 7\.\d\d:1, readable \(passes WCAG AA\)\./)).toBeVisible();
  await section.getByRole("button", { name: "Save colour" }).click();
  await expect(section.getByRole("status").first()).toHaveText("Saved");

  // The logo and the cover upload as soon as they are picked.
  await section.getByLabel("Upload logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logo() });
  await expect(section.getByRole("img", { name: "Logo" })).toBeVisible();
  await section.getByLabel("Upload cover photo").setInputFiles({ name: "cover.jpg", mimeType: "image/jpeg", buffer: await cover() });
  await expect(section.getByRole("img", { name: "Cover photo" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("settings-branding.png"), fullPage: true });
  await expectAccessible(page, info, "settings with branding");

  const stored = (await api.route("GET /api/location", { token: venue.staffToken })).location;
  expect(stored.brandColor).toBe(BRAND);
  expect(stored.logo).not.toBeNull();
  expect(stored.cover).not.toBeNull();

  // The phone: the logo beside the name, the cover above the menu, the colour on the primary button.
  const { joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 3");
  const phone = await phones.open();
  const screen = await joinWithoutName(phone, joinUrl, SMALL_PHONE);
  const bar = screen.locator(".customer-bar");
  const logoImg = bar.locator("img.venue-logo");
  await expect(logoImg).toHaveAttribute("src", stored.logo!.small);
  // At 320 px the table's name keeps the room (brand.css); from 360 px the logo sits beside it.
  await expect(logoImg).toBeHidden();
  expect((await bar.getByRole("heading", { level: 1 }).boundingBox())!.width).toBeGreaterThanOrEqual(56);
  const banner = screen.locator("img.venue-cover");
  await expect(banner).toHaveAttribute("loading", "lazy");
  await expect(banner).toBeInViewport();
  await expect.poll(() => banner.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // A modest strip: on a 320 × 568 phone the menu still starts on the first screen.
  expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(72);
  await expect(screen.getByRole("heading", { name: "Menu", exact: true })).toBeInViewport({ ratio: 1 });
  await screen.setViewportSize(PHONE);
  await expect(logoImg).toBeVisible();
  await expect.poll(() => logoImg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect((await bar.getByRole("heading", { level: 1 }).boundingBox())!.width).toBeGreaterThanOrEqual(56);
  await expect(screen.getByRole("tab", { selected: true })).toHaveCSS("color", "rgb(11, 93, 59)");
  await screen.getByRole("button", { name: `Add ${venue.products[0]!.name}` }).click();
  const primary = screen.locator(".button.primary").first();
  await expect(primary).toBeVisible();
  await expect(primary).toHaveCSS("background-color", "rgb(11, 93, 59)");
  await expect(primary).toHaveCSS("color", "rgb(255, 255, 255)");

  for (const size of [SMALL_PHONE, PHONE, LANDSCAPE]) {
    await screen.setViewportSize(size);
    await screen.evaluate(() => window.scrollTo(0, 0));
    await screen.screenshot({ path: info.outputPath(`phone-branded-${size.width}x${size.height}.png`) });
  }
  await screen.setViewportSize(PHONE);
  await expectAccessible(screen, info, "branded phone", { all: true });

  // Dark: the button keeps the brand under white text; the selected tab's text keeps the dark
  // scheme's light blue (a dark brand colour would not read on the dark bar).
  await screen.emulateMedia({ colorScheme: "dark" });
  await expect(primary).toHaveCSS("background-color", "rgb(11, 93, 59)");
  await expect(screen.getByRole("tab", { selected: true })).toHaveCSS("color", "rgb(96, 165, 250)");
  await screen.evaluate(() => window.scrollTo(0, 0));
  await screen.screenshot({ path: info.outputPath("phone-branded-dark-390x844.png") });
  await expectAccessible(screen, info, "branded phone, dark", { all: true });
  await screen.emulateMedia({ colorScheme: "light" });

  // The printed cards: the logo and the colour on each.
  await createTable(api, venue.staffToken, "Table 1");
  await createTable(api, venue.staffToken, "Table 2");
  await page.goto("/panel/tables/print");
  const cards = page.getByRole("figure");
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card.locator("img.table-card-logo")).toHaveAttribute("src", stored.logo!.medium);
    await expect(card.locator(".table-card-scan")).toHaveCSS("background-color", "rgb(11, 93, 59)");
  }
  await expect
    .poll(() =>
      cards
        .first()
        .locator("img.table-card-logo")
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: info.outputPath("card-sheet-branded.png"), fullPage: true });
  await expectAccessible(page, info, "branded card sheet");
});
