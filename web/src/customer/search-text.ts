/**
 * Text as the menu's search compares it: case and accents folded away, so "tiramisu" finds
 * "Tiramisù" and "CAFE" finds "Café". Letters that are not a base letter plus a mark (ß, ø,
 * æ) are kept as they are; spaces are squeezed so a stray double space still matches.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `query` (as typed) occurs in any of the texts, ignoring case and accents; an empty query matches. */
export function matchesSearch(query: string, ...texts: string[]): boolean {
  const q = foldForSearch(query);
  return q === "" || foldForSearch(texts.join(" ")).includes(q);
}
