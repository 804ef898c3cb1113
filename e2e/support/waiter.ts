// What the waiter's specs share (issue 32): a venue with the demo's menu and its options
// (pizzas with a size and extras), and screenshots to look at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { DEMO_OPTIONS, DEMO_PRODUCTS } from "../../server/dist/demo/demo-menu.js";
import { seedVenue } from "../../server/dist/demo/seed-venue.js";
import { test as base, type Venue } from "./fixtures.js";

/** The fixtures, with the venue's menu the demo's, options and all, as a venue would have it. */
export const test = base.extend<{ venue: Venue }>({
  venue: async ({ prisma, api }, use) => {
    const products = DEMO_PRODUCTS.map((p) => ({ ...p, optionGroups: DEMO_OPTIONS[p.name] ?? [] }));
    const seeded = await seedVenue(prisma, { emailDomain: "e2e.ordered", products });
    const { token } = await api.login(seeded.owner);
    await use({ ...seeded, staffToken: token });
  },
});

/** A screenshot into E2E_SHOTS_DIR when set (to look at), else the test's output folder. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: dir ? path.join(dir, `${name}.png`) : info.outputPath(`${name}.png`) });
}

/** The waiter's tablet, held landscape and portrait. */
export const TABLET_SIZES = [
  [1024, 768],
  [768, 1024],
] as const;
