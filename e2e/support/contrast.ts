// Colours as a person sees them (issue 15 item 7, dark mode): the page's background and text
// in either colour scheme, axe's color-contrast rule on its own (with what it checked), and the
// stylesheet's colour tokens checked pair by pair as the browser resolves them.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

export type Scheme = "light" | "dark";
export type Rgb = readonly [number, number, number];

/** A computed CSS colour ("rgb(…)", "rgba(…)" or "color(srgb …)") as 0–255 channels and an alpha. */
export function parseColour(css: string): { rgb: Rgb; alpha: number } {
  const rgb = css.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (rgb) return { rgb: [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])], alpha: alphaOf(rgb[4]) };
  const srgb = css.match(/^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/);
  if (srgb) return { rgb: [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255], alpha: alphaOf(srgb[4]) };
  throw new Error(`not a colour this test reads: ${css}`);
}

const alphaOf = (a: string | undefined) => (a === undefined ? 1 : a.endsWith("%") ? Number(a.slice(0, -1)) / 100 : Number(a));

/** WCAG 2 relative luminance (0 black … 1 white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours (1 … 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface SeenColours {
  /** The colour behind the element: its own background, or the first ancestor's that is opaque. */
  background: Rgb;
  /** The element's text colour. */
  text: Rgb;
}

/** The background a person sees behind `selector` (default: the body) and its text colour. */
export async function seenColours(page: Page, selector = "body"): Promise<SeenColours> {
  const found = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const backgrounds: string[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) backgrounds.push(getComputedStyle(node).backgroundColor);
    return { backgrounds, text: getComputedStyle(el).color };
  }, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  // The first opaque one from the element up; the canvas is white when none is (an unstyled page).
  const opaque = found.backgrounds.map(parseColour).find((c) => c.alpha >= 0.99);
  return { background: opaque?.rgb ?? [255, 255, 255], text: parseColour(found.text).rgb };
}

/**
 * The page is in `scheme` as a person would see it: a dark background (luminance under 0.05)
 * with light text, or a light one (over 0.7) with dark text; either way the text reads at 7:1.
 */
export async function expectScheme(page: Page, scheme: Scheme, screen: string, selector = "body"): Promise<SeenColours> {
  const seen = await seenColours(page, selector);
  const [bg, fg] = [luminance(seen.background), luminance(seen.text)];
  const what = `${screen} (${scheme}): ${selector} background rgb(${seen.background.join(" ")}), text rgb(${seen.text.join(" ")})`;
  if (scheme === "dark") {
    expect.soft(bg, `${what}: a dark background`).toBeLessThan(0.05);
    expect.soft(fg, `${what}: light text`).toBeGreaterThan(0.6);
  } else {
    expect.soft(bg, `${what}: a light background`).toBeGreaterThan(0.7);
    expect.soft(fg, `${what}: dark text`).toBeLessThan(0.05);
  }
  expect.soft(contrast(seen.background, seen.text), `${what}: text contrast`).toBeGreaterThanOrEqual(7);
  return seen;
}

/**
 * axe's color-contrast rule alone (WCAG AA: 4.5:1, 3:1 for large text), failing on any
 * violation; it must have checked some text, so a screen it could not read does not pass
 * quietly. What axe could not decide (text over an image or a gradient) is attached.
 */
export async function expectContrast(page: Page, info: TestInfo, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  const failing = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(" ")}: ${n.any.map((c) => c.message).join("; ") || n.failureSummary}`),
  );
  const checked = results.passes.reduce((sum, v) => sum + v.nodes.length, 0);
  const undecided = results.incomplete.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(" ")}: ${n.any.map((c) => c.message).join("; ")}`),
  );
  await info.attach(`contrast ${screen}`, {
    body: JSON.stringify({ checked, failing, undecided }, null, 2),
    contentType: "application/json",
  });
  expect.soft(failing, `color-contrast on ${screen}`).toEqual([]);
  expect.soft(checked, `color-contrast checked text on ${screen}`).toBeGreaterThan(0);
}

/** A text colour on a background, both tokens of web/src/global.css, and the ratio it must reach. */
export interface TokenPair {
  fg: string;
  bg: string;
  min: number;
}

const text = (fg: string, ...bgs: string[]): TokenPair[] => bgs.map((bg) => ({ fg, bg, min: 4.5 }));
const ui = (fg: string, ...bgs: string[]): TokenPair[] => bgs.map((bg) => ({ fg, bg, min: 3 }));

/** Every text-on-background pair the stylesheet uses, by token: 4.5:1 in either scheme. */
export const TEXT_PAIRS: readonly TokenPair[] = [
  ...text("--text", "--bg", "--surface", "--surface-2", "--surface-subtle", "--field-bg", "--accent-bg", "--warn-bg", "--warn-bg-strong"),
  ...text("--text", "--warn-bg-subtle", "--alert-bg", "--danger-bg-subtle", "--success-bg-subtle", "--violet-bg-subtle", "--surface-dim"),
  ...text("--text-soft", "--surface-2", "--surface-subtle"),
  ...text("--muted", "--bg", "--surface", "--surface-2", "--surface-subtle", "--accent-bg", "--warn-bg", "--warn-bg-strong"),
  ...text("--muted", "--warn-bg-subtle", "--alert-bg", "--danger-bg-subtle", "--success-bg-subtle", "--violet-bg-subtle", "--surface-dim"),
  ...text("--primary", "--bg", "--surface", "--accent-bg"),
  ...text("--primary-text", "--primary-solid", "--primary-hover"),
  ...text("--on-solid", "--danger-solid", "--danger-strong", "--success-solid", "--warn-solid", "--accent-strong"),
  ...text("--danger", "--bg", "--surface", "--danger-bg", "--danger-bg-subtle"),
  ...text("--ok", "--bg", "--surface", "--success-bg-subtle"),
  ...text("--warn-text", "--bg", "--surface", "--warn-bg", "--warn-bg-strong", "--warn-bg-subtle"),
  ...text("--accent-text", "--surface", "--accent-bg", "--accent-bg-strong", "--tag-indigo-bg"),
  ...text("--success-text", "--success-bg"),
  ...text("--danger-text", "--danger-bg", "--danger-bg-subtle"),
  ...text("--tag-violet-text", "--surface", "--tag-violet-bg"),
  ...text("--tag-orange-text", "--tag-orange-bg"),
  ...text("--tag-indigo-text", "--tag-indigo-bg"),
  ...text("--tag-sky-text", "--tag-sky-bg"),
  // The kitchen display: its frame, its tickets (with their amber and red heads) and the bright badges.
  ...text("--kitchen-text", "--kitchen-bg", "--kitchen-bar", "--kitchen-column", "--kitchen-chip", "--danger-solid"),
  ...text("--kitchen-muted", "--kitchen-column"),
  ...text("--kitchen-off-text", "--kitchen-off-bg"),
  ...text("--text", "--ticket-bg", "--ticket-head-bg", "--ticket-flash", "--urgency-amber-bg", "--urgency-red-bg"),
  ...text("--muted", "--ticket-bg", "--ticket-head-bg", "--ticket-flash", "--urgency-amber-bg", "--urgency-red-bg"),
  // A ticket's "allergies read" line and its "read the allergies first" warning (issue 35).
  ...text("--success-text", "--ticket-bg", "--ticket-flash"),
  ...text("--danger", "--ticket-bg", "--ticket-flash"),
  ...text("--on-bright", "--urgency-amber", "--kitchen-new"),
  ...text("--on-solid", "--urgency-red", "--kitchen-ready-solid"),
  // Printed table cards stay paper whatever the screen's scheme.
  ...text("--paper-text", "--paper"),
  ...text("--paper-muted", "--paper"),
];

/**
 * Lines and marks a person must see (WCAG 1.4.11, 3:1) in the dark scheme: form fields'
 * borders, the focus ring, the selected tab and the urgency stripes. (The light scheme keeps
 * its colours as they were: its field border is #a8a29e, 2.5:1 on white, and its focus ring
 * amber, 2.1:1 on white; both are outside this change.)
 */
export const DARK_UI_PAIRS: readonly TokenPair[] = [
  ...ui("--border-strong", "--field-bg", "--surface", "--bg"),
  ...ui("--focus", "--bg", "--surface"),
  ...ui("--primary", "--surface", "--bg"),
  ...ui("--danger", "--surface"),
  ...ui("--success-mark", "--surface"),
  ...ui("--warn-border", "--surface"),
  ...ui("--urgency-amber", "--kitchen-column", "--ticket-bg"),
  ...ui("--urgency-red", "--kitchen-column"),
];

/** Each pair's colours as the browser resolves the tokens, and its ratio against its minimum. */
export async function tokenContrast(page: Page, pairs: readonly TokenPair[]): Promise<string[]> {
  const resolved = await page.evaluate((list) => {
    const probe = document.createElement("div");
    document.body.append(probe);
    try {
      return list.map(({ fg, bg }) => {
        // Through the CSSOM: the app's CSP refuses inline style attributes in markup.
        probe.style.color = `var(${fg})`;
        probe.style.backgroundColor = `var(${bg})`;
        const style = getComputedStyle(probe);
        return {
          fg: style.color,
          bg: style.backgroundColor,
          fgSet: getComputedStyle(document.documentElement).getPropertyValue(fg) !== "",
        };
      });
    } finally {
      probe.remove();
    }
  }, pairs);
  return pairs.flatMap((pair, i) => {
    const seen = resolved[i]!;
    if (!seen.fgSet) return [`${pair.fg} is not defined`];
    const [fg, bg] = [parseColour(seen.fg), parseColour(seen.bg)];
    if (bg.alpha < 0.99) return [`${pair.bg} is not opaque (${seen.bg})`];
    const ratio = contrast(fg.rgb, bg.rgb);
    return ratio >= pair.min ? [] : [`${pair.fg} on ${pair.bg}: ${ratio.toFixed(2)}:1 < ${pair.min}:1 (${seen.fg} on ${seen.bg})`];
  });
}

/** The photo stand-in's initial on its tint, for hues round the wheel (1.75rem bold: large text, 3:1; held to 4.5:1). */
export async function tintContrast(page: Page): Promise<string[]> {
  const seen = await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.className = "photo-fallback";
    document.body.append(probe);
    try {
      return Array.from({ length: 24 }, (_, i) => {
        probe.style.setProperty("--tint", String(i * 15));
        const style = getComputedStyle(probe);
        return { hue: i * 15, fg: style.color, bg: style.backgroundColor };
      });
    } finally {
      probe.remove();
    }
  });
  return seen.flatMap(({ hue, fg, bg }) => {
    const ratio = contrast(parseColour(fg).rgb, parseColour(bg).rgb);
    return ratio >= 4.5 ? [] : [`photo stand-in at hue ${hue}: ${ratio.toFixed(2)}:1 (${fg} on ${bg})`];
  });
}
