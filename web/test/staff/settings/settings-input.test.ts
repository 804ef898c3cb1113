import { describe, expect, test } from "vitest";
import { addressLines, knownTimeZones, legalIdentityBody, timeZoneChoices } from "../../../src/staff/settings/settings-input";

const unset = { legalName: null, address: null, taxId: null };

describe("legalIdentityBody", () => {
  test("sends what changed, trimmed; the address as its non-empty lines", () => {
    expect(
      legalIdentityBody({ legalName: " Roma GmbH ", address: " Hauptstraße 1 \r\n\n 10115 Berlin \n", taxId: "DE123456789" }, unset),
    ).toEqual({ legalName: "Roma GmbH", address: "Hauptstraße 1\n10115 Berlin", taxId: "DE123456789" });
    expect(addressLines("\n  \n")).toBe("");
  });

  test("an emptied field is cleared (null); an unchanged one is not sent", () => {
    const current = { legalName: "Roma GmbH", address: "Via Roma 1\nRoma", taxId: "IT123" };
    expect(legalIdentityBody({ legalName: "Roma GmbH", address: "Via Roma 1\n Roma", taxId: "  " }, current)).toEqual({ taxId: null });
    expect(legalIdentityBody({ legalName: "Roma GmbH", address: "Via Roma 1\nRoma", taxId: "IT123" }, current)).toEqual({});
    expect(legalIdentityBody({ legalName: "", address: "", taxId: "" }, unset)).toEqual({});
  });
});

describe("timeZoneChoices", () => {
  const zones = ["America/Argentina/Buenos_Aires", "America/New_York", "Europe/Berlin", "Europe/Rome", "UTC"];

  test("the current zone first, then those matching every word typed (case, '_' and '/' do not matter)", () => {
    expect(timeZoneChoices(zones, "", "Europe/Rome")).toEqual([
      "Europe/Rome",
      "America/Argentina/Buenos_Aires",
      "America/New_York",
      "Europe/Berlin",
      "UTC",
    ]);
    expect(timeZoneChoices(zones, "new york", "Europe/Rome")).toEqual(["Europe/Rome", "America/New_York"]);
    expect(timeZoneChoices(zones, "BUENOS_aires", "UTC")).toEqual(["UTC", "America/Argentina/Buenos_Aires"]);
    expect(timeZoneChoices(zones, "europe/ber", "UTC")).toEqual(["UTC", "Europe/Berlin"]);
    expect(timeZoneChoices(zones, "atlantis", "UTC")).toEqual(["UTC"]);
  });

  test("a current zone this browser does not list is still shown", () => {
    expect(timeZoneChoices(zones, "rome", "Asia/Nowhere")).toEqual(["Asia/Nowhere", "Europe/Rome"]);
  });

  test("the browser's zones include UTC and common ones, sorted, once each", () => {
    const known = knownTimeZones();
    expect(known).toContain("UTC");
    expect(known).toContain("Europe/Berlin");
    expect([...known].sort()).toEqual(known);
    expect(new Set(known).size).toBe(known.length);
  });
});
