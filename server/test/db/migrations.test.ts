import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase, migrateDatabase } from "../support/global-setup.js";
import { TEST_DATABASE_URL } from "../support/harness.js";

describe("migrations", () => {
  it("apply to an empty database and enforce the invariants", async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/ordered_migrate_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await createDatabase(url.toString());
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      migrateDatabase(url.toString());
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const { rows } = await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        expect(rows.map((r) => r.tablename)).toEqual([
          "_prisma_migrations", "customer", "location", "order", "order_item", "order_session", "product", "session_event", "shipment", "staff_user",
        ]);
        const loc = await db.query("INSERT INTO location (id, name) VALUES (gen_random_uuid(), 'x') RETURNING id");
        await expect(
          db.query("INSERT INTO product (id, location_id, name, category, price_cents, currency, stock, updated_at) VALUES (gen_random_uuid(), $1, 'p', 'c', 100, 'EUR', -1, now())", [loc.rows[0].id]),
        ).rejects.toThrow(/product_stock_nonnegative/);
        // Applying again is a no-op.
        migrateDatabase(url.toString());
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000); // two runs of the Prisma CLI, each ~10 s on a busy 2-core machine
});
