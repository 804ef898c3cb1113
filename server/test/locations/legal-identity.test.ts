import { LocationDto } from "@ordered/contract";
import { createAccount } from "../staff/staff-kit.js";
import { describe, expect, it } from "../support/kit.js";

// Issue 33: who issues the location's receipts — its legal name, address (lines) and tax id —
// set by the owner on the settings page (PATCH /api/location), printed on every receipt.

describe("the location's legal identity", () => {
  it("is unset at first; set, it is trimmed, the address normalised to its non-empty lines; null clears one field", async ({
    server,
    venue,
    prisma,
  }) => {
    const token = venue.staffToken;
    const before = (await server.api.route("GET /api/location", { token })).location;
    expect([before.legalName, before.address, before.taxId]).toEqual([null, null, null]);

    const set = await server.api.route("PATCH /api/location", {
      token,
      body: { legalName: "  Trattoria Roma GmbH ", address: " Hauptstraße 1 \r\n\n  10115 Berlin\n\nGermany  ", taxId: " DE123456789 " },
    });
    expect(LocationDto.parse(set.location)).toMatchObject({
      legalName: "Trattoria Roma GmbH",
      address: "Hauptstraße 1\n10115 Berlin\nGermany",
      taxId: "DE123456789",
    });
    // The other settings stay as they were; a reload reads the same.
    expect(set.location).toEqual({
      ...before,
      legalName: "Trattoria Roma GmbH",
      address: "Hauptstraße 1\n10115 Berlin\nGermany",
      taxId: "DE123456789",
    });
    expect((await server.api.route("GET /api/location", { token })).location).toEqual(set.location);

    // One field at a time: the others keep their values.
    const cleared = await server.api.route("PATCH /api/location", { token, body: { taxId: null } });
    expect([cleared.location.legalName, cleared.location.address, cleared.location.taxId]).toEqual([
      "Trattoria Roma GmbH",
      "Hauptstraße 1\n10115 Berlin\nGermany",
      null,
    ]);
    const stored = await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } });
    expect([stored.legalName, stored.address, stored.taxId]).toEqual(["Trattoria Roma GmbH", "Hauptstraße 1\n10115 Berlin\nGermany", null]);
  });

  it.for([
    [{ legalName: "x".repeat(121) }, "body.legalName: must be at most 120 characters"],
    [{ legalName: "   " }, "body.legalName: must not be empty"],
    [{ legalName: "Roma\nGmbH" }, "body.legalName: must not contain control characters"],
    [{ address: "x".repeat(301) }, "body.address: must be at most 300 characters"],
    [{ address: " \n \n" }, "body.address: must not be empty (null clears it)"],
    [{ address: "Hauptstraße 1\u0000" }, "body.address: must not contain NUL characters"],
    [{ address: "Hauptstraße \u202E1" }, "body.address: must not contain text-direction control characters"],
    [{ address: "Hauptstraße\t1" }, "body.address: must not contain control characters other than line breaks"],
    [{ taxId: "D".repeat(41) }, "body.taxId: must be at most 40 characters"],
    [{ taxId: 123456789 }, "body.taxId"],
    [{ timeZone: "Europe/Nowhere" }, "body.timeZone: must be an IANA time zone like Europe/Rome"],
  ] as const)("refuses %j naming the field, changing nothing", async ([body, message], { server, venue, prisma }) => {
    const token = venue.staffToken;
    const { timeZone } = (
      await server.api.route("PATCH /api/location", { token, body: { legalName: "Roma GmbH", address: "Via Roma 1", taxId: "IT1" } })
    ).location;
    const res = await server.api.request("PATCH", "/api/location", { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toContain(message);
    const stored = await prisma.location.findUniqueOrThrow({ where: { id: venue.locationId } });
    expect([stored.legalName, stored.address, stored.taxId, stored.timeZone]).toEqual(["Roma GmbH", "Via Roma 1", "IT1", timeZone]);
  });

  it("the time zone: set by the owner, read by everyone, refused to a manager", async ({ server, venue }) => {
    const set = await server.api.route("PATCH /api/location", {
      token: venue.staffToken,
      body: { timeZone: "America/Argentina/Buenos_Aires" },
    });
    expect(set.location.timeZone).toBe("America/Argentina/Buenos_Aires");
    const manager = await createAccount(server, venue.staffToken, "MANAGER");
    expect((await server.api.route("GET /api/location", { token: manager.token })).location.timeZone).toBe(
      "America/Argentina/Buenos_Aires",
    );
    const refused = await server.api.request("PATCH", "/api/location", { token: manager.token, body: { legalName: "Not mine" } });
    expect([refused.status, refused.body.error.code]).toEqual([403, "FORBIDDEN"]);
  });
});
