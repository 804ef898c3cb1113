// Staff accounts made the way an owner makes them: POST /api/staff, then the one-time link's
// POST /api/auth/setup. And `test` with a file-scoped crew: one venue with an account of each
// role, for tests that only read the accounts (they never change them).
import { randomUUID } from "node:crypto";
import { type LoginResponse, type SetupLinkDto, STAFF_ROLES, type StaffAccountDto, type StaffRoleName } from "@ordered/contract";
import { seedVenue } from "../../src/demo/seed-venue.js";
import type { TestServer } from "../support/harness.js";
import { test as kitTest, TEST_MENU } from "../support/kit.js";

export { describe, expect } from "../support/kit.js";

/** An account made through the API, with its password set and logged in. */
export interface Account {
  staff: StaffAccountDto;
  email: string;
  password: string;
  /** The login token from setting the password. */
  token: string;
}

/** The one-time token of a setup link: its URL's #fragment. */
export const setupTokenOf = (link: SetupLinkDto): string => new URL(link.url).hash.slice(1);

export const newPassword = (): string => `pw-${randomUUID()}`;

/** POST /api/staff as `actorToken`: the account and its link (throws on a refusal). */
export async function invite(
  server: TestServer,
  actorToken: string,
  role: StaffRoleName,
  email = `${role.toLowerCase()}-${randomUUID()}@test.ordered`,
) {
  const created = await server.api.route("POST /api/staff", {
    token: actorToken,
    body: { email, displayName: `${role[0]}${role.slice(1).toLowerCase()} ${randomUUID().slice(0, 4)}`, role },
  });
  if (!created.setupLink) throw new Error("a new account comes with its one-time link");
  return { ...created, setupLink: created.setupLink };
}

/** POST /api/auth/setup: sets the password through the link, logged in. */
export function setPassword(server: TestServer, link: SetupLinkDto, password: string): Promise<LoginResponse> {
  return server.api.route("POST /api/auth/setup", { body: { token: setupTokenOf(link), password } });
}

/** An account of `role`, added by `actorToken`'s account, its password set through its link. */
export async function createAccount(server: TestServer, actorToken: string, role: StaffRoleName): Promise<Account> {
  const { staff, setupLink } = await invite(server, actorToken, role);
  const password = newPassword();
  const { token } = await setPassword(server, setupLink, password);
  return { staff, email: staff.email, password, token };
}

export interface Crew {
  locationId: string;
  /** A fresh venue's menu (TEST_MENU): [0] Margherita (stock 2), [1] Diavola, [2] Lemonade. */
  products: { id: string; name: string; categoryId: string }[];
  categories: { id: string; name: string; stationId: string }[];
  /** A logged-in token of each role; OWNER is the seeded owner. */
  tokens: Record<StaffRoleName, string>;
}

export const test = kitTest.extend("crew", { scope: "file" }, async ({ prisma, server }): Promise<Crew> => {
  const venue = await seedVenue(prisma, { products: TEST_MENU, emailDomain: "test.ordered" });
  const { token: owner } = await server.api.login(venue.owner);
  const tokens = { OWNER: owner } as Record<StaffRoleName, string>;
  for (const role of STAFF_ROLES) if (role !== "OWNER") tokens[role] = (await createAccount(server, owner, role)).token;
  return { locationId: venue.locationId, products: venue.products, categories: venue.categories, tokens };
});
export const it = test;
