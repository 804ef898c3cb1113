// axe-core in the e2e suite (issue 15): each screen is scanned as a person would see it, and
// a failure names the rule and the elements, so it says what to fix.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import type { SeededVenue } from "../../server/dist/demo/seed-venue.js";
import type { ApiClient } from "../../server/dist/tools/api-client.js";
import { connectPhone, placeOrder } from "./session.js";

/**
 * Best-practice rules axe rates "moderate" that the issue counts as failures all the same: a
 * page needs one level-one heading and one main landmark, and no landmark twice.
 */
const ALSO_FAILING = new Set([
  "page-has-heading-one",
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-no-duplicate-banner",
  "landmark-unique",
]);

/**
 * One axe scan of a screen: the violations that fail it (every serious or critical one, and
 * the structural rules above) and how many text elements color-contrast could decide on.
 */
async function scan(page: Page, info: TestInfo, screen: string, all = false): Promise<{ failing: string[]; contrastChecked: number }> {
  // label-content-name-mismatch is "experimental" in axe, off unless asked for: the issue names it.
  const results = await new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } }).analyze();
  const found = results.violations.filter((v) => all || v.impact === "serious" || v.impact === "critical" || ALSO_FAILING.has(v.id));
  const lines = found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  const minor = results.violations.filter((v) => !found.includes(v)).map((v) => `${v.id} (${v.impact})`);
  const contrastChecked = results.passes.filter((v) => v.id === "color-contrast").reduce((n, v) => n + v.nodes.length, 0);
  await info.attach(`axe ${screen}`, {
    body: JSON.stringify({ failing: lines, minor, contrastChecked }, null, 2),
    contentType: "application/json",
  });
  return { failing: lines, contrastChecked };
}

/** The violations that fail a screen (see scan). */
export async function violations(page: Page, info: TestInfo, screen: string): Promise<string[]> {
  return (await scan(page, info, screen)).failing;
}

/**
 * Scans a screen; the test goes on to the next screen and fails at the end if any had violations.
 * `all`: every violation fails, moderate and minor ones too (the phone's screens, issue 35: e.g.
 * "region", content outside a landmark).
 */
export async function expectAccessible(
  page: Page,
  info: TestInfo,
  screen: string,
  opts: { contrast?: boolean; all?: boolean } = {},
): Promise<void> {
  const { failing, contrastChecked } = await scan(page, info, screen, opts.all);
  expect.soft(failing, `axe on ${screen}`).toEqual([]);
  // color-contrast is one of the serious rules above; `contrast` also asks that it had text to decide on.
  if (opts.contrast) expect.soft(contrastChecked, `color-contrast checked text on ${screen}`).toBeGreaterThan(0);
}

/**
 * Orders products (by name) at a session from a phone's own socket, so a staff screen can be
 * checked with an order on it whatever the phone's UI looks like this week.
 */
export async function orderFromSocket(
  api: ApiClient,
  venue: Pick<SeededVenue, "products">,
  joinUrl: string,
  names: string[],
): Promise<void> {
  const code = new URL(joinUrl).pathname.split("/").pop()!;
  const { token } = await api.joinSession(decodeURIComponent(code), "Robin");
  const socket = await connectPhone(token);
  try {
    await placeOrder(
      socket,
      names.map((n) => venue.products.find((p) => p.name === n)!.id),
    );
  } finally {
    socket.close();
  }
}
