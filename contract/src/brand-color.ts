/**
 * A venue's brand colour (issue 35) and whether white text on it can be read: the phone's
 * primary buttons and selected tab, and the printed table cards, put white text on it, so the
 * API refuses a colour whose contrast with white is below WCAG 2.x AA for normal text (4.5:1),
 * and the settings form shows the same verdict as the owner picks. No zod here: the web app's
 * colour picker and the server's schema both call it.
 */

/** A brand colour as stored and sent: '#rrggbb', lower case (the location row's CHECK). */
export const BRAND_COLOR_PATTERN = /^#[0-9a-f]{6}$/;

/** WCAG 2.x AA for normal-size text (success criterion 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

/** '#RRGGBB' or '#rgb' in any case, as '#rrggbb'; null for anything else. */
export function normalizeHexColor(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return null;
}

/** WCAG relative luminance (0 black … 1 white) of a '#rrggbb' colour in sRGB. */
export function relativeLuminance(hex: string): number {
  const color = normalizeHexColor(hex);
  if (!color) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const channel = (i: number) => {
    const c = Number.parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours, 1 (none) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** What the settings form says and the API checks: white text on `hex`, passing AA or not. */
export interface BrandColorVerdict {
  /** Contrast of white text on the colour, rounded down to two decimals (4.499 is not 4.5). */
  ratio: number;
  passes: boolean;
}

export function brandColorVerdict(hex: string): BrandColorVerdict {
  const ratio = Math.floor(contrastRatio(hex, "#ffffff") * 100) / 100;
  return { ratio, passes: ratio >= MIN_TEXT_CONTRAST };
}

/** The refusal's words, the same on the form and in the API's VALIDATION_FAILED. */
export function brandColorProblem(hex: string): string | null {
  const color = normalizeHexColor(hex);
  if (!color) return "must be a colour like #1f6feb";
  const { ratio, passes } = brandColorVerdict(color);
  if (passes) return null;
  return `white text on ${color} has a contrast of ${ratio.toFixed(2)}:1, below the ${MIN_TEXT_CONTRAST}:1 that WCAG AA asks; pick a darker colour`;
}
