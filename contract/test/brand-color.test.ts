import { describe, expect, it } from "vitest";
import { brandColorProblem, brandColorVerdict, contrastRatio, normalizeHexColor, relativeLuminance } from "../src/index.js";

describe("WCAG contrast of a brand colour", () => {
  it("measures luminance and contrast as WCAG defines them", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // Published values: #767676 on white is the lightest grey passing AA (4.54:1); #777777 fails (4.48:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("passes dark colours and refuses light ones, rounding down at the threshold", () => {
    expect(brandColorVerdict("#767676")).toEqual({ ratio: 4.54, passes: true });
    expect(brandColorVerdict("#777777")).toEqual({ ratio: 4.47, passes: false });
    expect(brandColorVerdict("#1f6feb").passes).toBe(true);
    expect(brandColorVerdict("#b91c1c").passes).toBe(true);
    expect(brandColorVerdict("#ffcc00").passes).toBe(false);
    expect(brandColorVerdict("#FFFFFF")).toEqual({ ratio: 1, passes: false });
  });

  it("names the reason for a refusal, and nothing for a colour that passes", () => {
    expect(brandColorProblem("#1f6feb")).toBeNull();
    expect(brandColorProblem("#ffcc00")).toMatch(/white text on #ffcc00 has a contrast of 1\.\d\d:1, below the 4\.5:1 that WCAG AA asks/);
    expect(brandColorProblem("red")).toBe("must be a colour like #1f6feb");
  });

  it("reads #rgb and upper case as #rrggbb", () => {
    expect(normalizeHexColor("#ABC")).toBe("#aabbcc");
    expect(normalizeHexColor(" #1F6FEB ")).toBe("#1f6feb");
    expect(normalizeHexColor("#12345")).toBeNull();
    expect(normalizeHexColor("1f6feb")).toBeNull();
  });
});
