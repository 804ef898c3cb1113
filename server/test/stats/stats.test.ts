import { describe, expect, it } from "../support/kit.js";

// The query's values are used by PostgreSQL, so they are checked by PostgreSQL's rules:
// Node accepts year 0 and some zone names that PostgreSQL does not know.

describe("GET /api/stats/daily", () => {
  it.for([
    ["date=0000-01-01&tz=UTC", "query.date: must be a date from year 1 on"],
    ["date=2026-02-30&tz=UTC", "query.date: must be a date like 2026-11-21"],
    ["date=2026-11-21&tz=US/Pacific-New", "query.tz: must be an IANA time zone like Europe/Rome"],
    ["date=2026-11-21&tz=Not/AZone", "query.tz: must be an IANA time zone like Europe/Rome"],
  ] as const)("refuses %s, naming the field", async ([query, message], { server, venue }) => {
    const res = await server.api.request("GET", `/api/stats/daily?${query}`, { token: venue.staffToken });
    expect([res.status, res.body]).toEqual([400, { error: { code: "VALIDATION_FAILED", message } }]);
  });

  it("accepts a zone PostgreSQL knows", async ({ server, venue }) => {
    const res = await server.api.request("GET", "/api/stats/daily?date=2026-11-21&tz=America/Los_Angeles", { token: venue.staffToken });
    expect([res.status, res.body.timeZone, res.body.orders.placed]).toEqual([200, "America/Los_Angeles", 0]);
  });
});
