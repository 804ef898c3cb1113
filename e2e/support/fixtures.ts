// The e2e kit: Playwright fixtures over the server's own seeder and REST client (from
// server/dist), each undoing what it made. Tests import `test` and `expect` from here.
//
//   venue   a fresh location (owner, demo menu) seeded into the e2e database, and a staff
//           token from a real login
//   api     the REST client for instance 1 (checking what the server stored)
//   panel   the test's `page`, logged in to the staff panel of instance 1 as the venue's owner
//   phones  opens phones (Pixel 7 contexts in the same browser); closed after the test
import { test as base, type Page } from "@playwright/test";
import { createPrisma, type PrismaClient } from "../../server/dist/db/prisma.js";
import { type SeededVenue, seedVenue } from "../../server/dist/demo/seed-venue.js";
import { type ApiClient, createApiClient } from "../../server/dist/tools/api-client.js";
import { E2E_DATABASE_URL } from "./env.js";
import { baseUrl, joinOnPhone, loginStaff, newPhone, type Phone } from "./ui.js";

export { expect } from "@playwright/test";

export interface Venue extends SeededVenue {
  /** The owner's staff token, from a real login. */
  staffToken: string;
}

export interface Phones {
  /** A fresh phone with a blank page (in the test's locale unless one is given). */
  open(options?: { locale?: string }): Promise<Phone>;
  /** A fresh phone that opened the join URL, joined as `name` and shows the live menu. */
  join(url: string, name?: string): Promise<Phone>;
}

export const test = base.extend<{ venue: Venue; api: ApiClient; panel: Page; phones: Phones }, { prisma: PrismaClient }>({
  prisma: [
    async ({}, use) => {
      const prisma = createPrisma(E2E_DATABASE_URL, 2);
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: "worker" },
  ],
  api: async ({}, use) => {
    await use(createApiClient(baseUrl(0)));
  },
  venue: async ({ prisma, api }, use) => {
    const seeded = await seedVenue(prisma, { emailDomain: "e2e.ordered" });
    const { token } = await api.login(seeded.owner);
    await use({ ...seeded, staffToken: token });
  },
  panel: async ({ page, venue }, use) => {
    await loginStaff(page, venue);
    await use(page);
  },
  phones: async ({ browser }, use) => {
    const opened: Phone[] = [];
    const track = (phone: Phone) => {
      opened.push(phone);
      return phone;
    };
    await use({
      open: async (options) => track(await newPhone(browser, options)),
      join: async (url, name) => joinOnPhone(track(await newPhone(browser)), url, name),
    });
    await Promise.all(opened.map((p) => p.context.close()));
  },
});
