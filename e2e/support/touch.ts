// Touch targets and legible text on staff screens (issue 15): measured in the browser, so a
// failure names each control that is too small, with its size.
import type { Locator } from "@playwright/test";

/** A 1024 × 768 tablet: the panel's and the kitchen's smallest screen. */
export const TABLET = { width: 1024, height: 768 } as const;
/** WCAG 2.5.5: a touch target is at least 44 × 44 CSS px. */
export const MIN_TARGET = 44;
/** Body text read at arm's length: at least 16 CSS px. */
export const MIN_BASE_FONT = 16;

/**
 * Every visible button, input, select, textarea and link inside `scope` whose box is under
 * 44 px either way (a checkbox or radio counts with its label), named by its text and size.
 */
export async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root, min) => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], summary"))) {
      // A checkbox, radio or hidden file input inside a label is touched through the label.
      const own = el.getBoundingClientRect();
      const type = (el as HTMLInputElement).type;
      const viaLabel = own.width <= 1 || own.height <= 1 || (el.tagName === "INPUT" && (type === "checkbox" || type === "radio"));
      const label = viaLabel ? el.closest("label") : null;
      const box = (label ?? el).getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || el.closest("[inert], [aria-hidden='true']")) continue;
      // A control inside a closed <dialog> (or one behind a modal) is not on screen to touch.
      if (el.closest("dialog:not([open])")) continue;
      if ((el as HTMLInputElement).type === "hidden") continue;
      if (box.width >= min && box.height >= min) continue;
      const name = el.getAttribute("aria-label") || (label ?? el).textContent?.trim() || (el as HTMLInputElement).name || el.tagName;
      found.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return found;
  }, MIN_TARGET);
}

/** The computed font size of `scope`'s body text (its own size, which paragraphs inherit), in CSS px. */
export async function baseFontSize(scope: Locator): Promise<number> {
  return scope.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}
