import { describe, expect, test } from "vitest";
import { SCAN_GAP_MS, scannedTicketId, scanReader } from "../../src/kitchen/use-scan-bump";

const ID = "0b6f5a3e-8f7c-4d51-9a43-2f1e0c9d7b21";

/** Feeds `keys` to a reader `gap` ms apart; returns what it finished. */
function feed(keys: string[], gap: number): (string | null)[] {
  const reader = scanReader();
  return keys.map((k, i) => reader.key(k, 1000 + i * gap));
}

describe("scan to bump", () => {
  test("reads a ticket's code typed fast and ended with Enter", () => {
    const keys = [..."ordered:bump:", ...ID, "Enter"];
    expect(feed(keys, 5).at(-1)).toBe(`ordered:bump:${ID}`);
    expect(scannedTicketId(`ordered:bump:${ID}`)).toBe(ID);
  });

  test("ignores Shift between characters (':' on most layouts)", () => {
    const keys = ["o", "Shift", ":", "x", "Enter"];
    expect(feed(keys, 5).at(-1)).toBe("o:x");
  });

  test("a person's typing is not a scan", () => {
    const keys = [..."ordered:bump:", ...ID, "Enter"];
    expect(feed(keys, SCAN_GAP_MS + 40).at(-1)).toBeNull();
  });

  test("other codes name no ticket", () => {
    for (const code of [`ordered:printer:${ID}`, `ordered:bump:${ID}x`, "ordered:bump:", "hello"]) expect(scannedTicketId(code)).toBeNull();
  });
});
