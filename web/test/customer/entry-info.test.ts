import { describe, expect, test } from "vitest";
import { ApiError } from "../../src/api/http";
import { entryInfoOfError } from "../../src/customer/use-entry-info";

describe("entryInfoOfError: what the first screen says when the code's check fails", () => {
  test("an unknown or malformed code: said at once", () => {
    expect(entryInfoOfError(new ApiError("NOT_FOUND", "no", 404))).toEqual({ state: "unknown" });
    expect(entryInfoOfError(new ApiError("VALIDATION_FAILED", "no", 400))).toEqual({ state: "unknown" });
  });

  test("a closed session's code: said at once", () => {
    expect(entryInfoOfError(new ApiError("SESSION_CLOSED", "closed", 410))).toEqual({ state: "closed" });
  });

  test("no network or a server error: the join screen without names (joining says what is wrong)", () => {
    expect(entryInfoOfError(new ApiError("NETWORK", "offline", 0))).toEqual({ state: "ready", greeting: null });
    expect(entryInfoOfError(new Error("boom"))).toEqual({ state: "ready", greeting: null });
  });
});
