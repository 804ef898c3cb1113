import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isFileContent, openApiDocument, operationIdOf, PERMISSIONS, ROUTES, type RouteDef, routeUrl } from "../src/index.js";

const entries = Object.entries(ROUTES) as [string, RouteDef][];

describe("the route table (ROUTES)", () => {
  it("names each route by its method and path, once", () => {
    for (const [key] of entries) expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/[a-z0-9/:.{}A-Z-]+$/);
    expect(new Set(entries.map(([key]) => operationIdOf(key))).size).toBe(entries.length);
  });

  it("gives every path parameter a schema, and no schema to a parameter the path lacks", () => {
    for (const [key, route] of entries) {
      const inPath = [...key.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      expect(Object.keys((route.params as z.ZodObject | undefined)?.shape ?? {}).sort(), key).toEqual(inPath);
    }
  });

  it("says who may call each route, with a permission that exists", () => {
    for (const [key, route] of entries) {
      expect(["public", "customer", "staff"], key).toContain(route.by);
      if (route.by === "staff" && route.may) expect(PERMISSIONS, key).toHaveProperty(route.may);
    }
  });

  it("answers nothing only with 204, and reads no JSON body with GET", () => {
    for (const [key, route] of entries) {
      expect(route.response === null, key).toBe(route.status === 204);
      if (key.startsWith("GET ")) expect(route.body, key).toBeUndefined();
      if (isFileContent(route.body)) expect(route.body.file.length, key).toBeGreaterThan(0);
    }
  });

  it("refuses an id that is not one as NOT_FOUND-worthy, naming the thing", () => {
    const params = ROUTES["GET /api/orders/:id"].params;
    const result = params.safeParse({ id: "nope" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("order not found");
    expect(params.parse({ id: "6F9619FF-8B86-4D11-B42D-00C04FC964FF" }).id).toBe("6f9619ff-8b86-4d11-b42d-00c04fc964ff");
  });
});

describe("routeUrl", () => {
  it("fills the path's parameters (escaped) and appends the query's defined values", () => {
    expect(routeUrl("GET /api/tables/:id/card.:format", { id: "a/b", format: "png" })).toEqual({
      method: "GET",
      path: "/api/tables/a%2Fb/card.png",
    });
    expect(routeUrl("GET /api/sessions", undefined, { status: "OPEN", limit: undefined })).toEqual({
      method: "GET",
      path: "/api/sessions?status=OPEN",
    });
    expect(() => routeUrl("GET /api/sessions/:id", {})).toThrow("params.id is missing");
  });
});

describe("openApiDocument", () => {
  it("marks a field kept under its old name deprecated (TableDto.seatingId, now openSessionId)", () => {
    const table = openApiDocument().components.schemas.TableDto as { properties: Record<string, { deprecated?: boolean }> };
    expect([table.properties.openSessionId?.deprecated, table.properties.seatingId?.deprecated]).toEqual([undefined, true]);
  });
});
