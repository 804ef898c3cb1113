import { PAYMENT_METHODS } from "@ordered/contract/client";
import { describe, expect, test } from "vitest";
import { LANGUAGES } from "../../../src/i18n/languages";
import { REPORT_STRINGS } from "../../../src/staff/reports/report-strings";

const KINDS = ["VOID", "COMP", "DISCOUNT", "WAIVE", "REFUND"];

describe("the reports page's strings", () => {
  test("every language says everything English says, every payment method and adjustment by name", () => {
    const en = REPORT_STRINGS.en;
    for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      const s = REPORT_STRINGS[language];
      expect(Object.keys(s).sort(), language).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(s)) {
        const text = typeof value === "function" ? (value as (...a: unknown[]) => string)("A", "B") : value;
        expect(typeof text === "string" ? text.trim() : Object.keys(text).length, `${language}.${key}`).toBeTruthy();
      }
      for (const m of PAYMENT_METHODS) expect(s.methods[m], `${language} ${m}`).toBeTruthy();
      for (const k of KINDS) expect(s.kinds[k], `${language} ${k}`).toBeTruthy();
      // Plurals: one table and several are said differently.
      expect(s.closeDayOpen(1)).not.toBe(s.closeDayOpen(2).replace("2", "1"));
    }
  });
});
