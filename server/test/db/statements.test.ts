/// <reference types="vite/client" />
// Every SQL statement the server and the worker send, prepared against the migrated schema:
// a renamed table, column, CTE or enum label fails here, not in production. Statements can
// only be run through db/sql.ts's `statement` (the runners take nothing else), which
// registers them when their module loads; this test loads every module of src/ first.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ENUMS } from "../../src/db/enums.js";
import { registeredStatements } from "../../src/db/sql.js";
import { TEST_DATABASE_URL } from "../support/harness.js";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** Programs that run when imported; none of them defines a statement (checked below). */
const ENTRY_POINTS = [
  "main.ts",
  "worker-main.ts",
  "demo/seed.ts",
  "tools/simulate.ts",
  "tools/stripe-standin-main.ts",
  "tools/print-bridge-main.ts",
];

const modules = import.meta.glob(["../../src/**/*.ts", "!../../src/generated/**"]);

let client: pg.Client;

beforeAll(async () => {
  for (const [file, load] of Object.entries(modules)) {
    if (!ENTRY_POINTS.some((entry) => file.endsWith(`/src/${entry}`))) await load();
  }
  client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

describe("SQL statements", () => {
  it("all of them are loaded: the entry points, which this test does not import, define none", () => {
    for (const entry of ENTRY_POINTS) {
      expect(readFileSync(path.join(src, entry), "utf8"), entry).not.toMatch(/\bstatement\s*[<(]|appendStatement|productsWhere/);
    }
    // The hot path at least: placing, processing, shipping, logging.
    const names = registeredStatements().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["orders.place", "orders.process", "orders.ship", "orders.log-change", "orders.lock"]));
    expect(names.length).toBeGreaterThan(80);
  });

  it("each prepares against the migrated schema", async () => {
    const failures: string[] = [];
    for (const statement of registeredStatements()) {
      // Each bound value is a $n in the text; every $n has a value.
      const placeholders = new Set([...statement.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect(Math.max(0, ...placeholders), statement.name).toBe(statement.slots.length);
      try {
        await client.query(`PREPARE ordered_check AS ${statement.text}`);
        await client.query("DEALLOCATE ordered_check");
      } catch (err) {
        failures.push(`${statement.name}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the contract's enum values are the database's enum labels, in order", async () => {
    const { rows } = await client.query<{ type: string; labels: string[] }>(`
      SELECT t.typname AS type, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`);
    const inDatabase = Object.fromEntries(rows.map((r) => [r.type, r.labels]));
    expect(Object.keys(DB_ENUMS).sort()).toEqual(Object.keys(inDatabase).sort());
    for (const [type, values] of Object.entries(DB_ENUMS)) expect([...values], type).toEqual(inDatabase[type]);
  });
});
