import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../../src/db/migrate.js";
import { splitSqlScript } from "../../src/db/migration-adapter.js";
import { repoRoot } from "../support/global-setup.js";
import { describe, expect, it } from "../support/kit.js";

/** Every migration committed under prisma/migrations, in the order they apply. */
const committed = readdirSync(path.join(repoRoot, "prisma/migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("migrations", () => {
  it("apply to an empty database and enforce the invariants", async ({ scratchDatabase }) => {
    const url = scratchDatabase();
    await migrateDatabase(url); // creates the database, then applies every migration
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(rows.map((r) => r.tablename)).toEqual([
        "_prisma_migrations",
        "allergy_ack",
        "allergy_declaration",
        "bill_claim",
        "category",
        "checkout",
        "correction",
        "course",
        "course_hold",
        "customer",
        "day_close",
        "dining_table",
        "location",
        "option_group",
        "order",
        "order_item",
        "order_session",
        "payment",
        "payment_account",
        "print_job",
        "printer",
        "product",
        "product_option",
        "receipt_mail",
        "session_alert",
        "session_event",
        "session_transfer",
        "shipment",
        "staff_setup_token",
        "staff_user",
        "station",
        "station_printer",
        "tax_rate",
        "ticket",
      ]);
      const applied = await db.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1");
      expect(committed.length).toBeGreaterThan(0);
      expect(applied.rows.map((r) => r.migration_name)).toEqual(committed);
      const loc = await db.query("INSERT INTO location (id, name) VALUES (gen_random_uuid(), 'x') RETURNING id");
      await expect(
        db.query(
          "WITH s AS (INSERT INTO station (id, location_id, name, position) VALUES (gen_random_uuid(), $1, 'Kitchen', 0) RETURNING id), c AS (INSERT INTO category (id, location_id, name, position, station_id) SELECT gen_random_uuid(), $1, 'c', 0, s.id FROM s RETURNING id) INSERT INTO product (id, location_id, name, category_id, price_cents, currency, stock, updated_at) SELECT gen_random_uuid(), $1, 'p', c.id, 100, 'EUR', -1, now() FROM c",
          [loc.rows[0].id],
        ),
      ).rejects.toThrow(/product_stock_nonnegative/);
      // A table name is unique among the location's tables in use, whatever its case.
      const table = (name: string, retired = false) =>
        db.query(
          `INSERT INTO dining_table (id, location_id, name, position, card_code, retired_at) VALUES (gen_random_uuid(), $1, $2, 0, gen_random_uuid()::text, ${retired ? "now()" : "NULL"})`,
          [loc.rows[0].id, name],
        );
      await table("Window");
      await expect(table("WINDOW")).rejects.toThrow(/dining_table_location_id_name_key/);
      await table("window", true);
      // A staff email is unique within its location, stored lower-cased (what makes that case-blind).
      const staff = (locationId: string, email: string) =>
        db.query("INSERT INTO staff_user (id, location_id, email, display_name) VALUES (gen_random_uuid(), $1, $2, 'Ann')", [
          locationId,
          email,
        ]);
      const otherLoc = await db.query("INSERT INTO location (id, name) VALUES (gen_random_uuid(), 'y') RETURNING id");
      await staff(loc.rows[0].id, "ann@x.test");
      await expect(staff(loc.rows[0].id, "ann@x.test")).rejects.toThrow(/staff_user_location_id_email_key/);
      await staff(otherLoc.rows[0].id, "ann@x.test");
      await expect(staff(otherLoc.rows[0].id, "Bob@x.test")).rejects.toThrow(/staff_user_email_lower/);
      // A tax rate is 0 % to 100 %, named once per location whatever the case; a rate's change
      // is a change of the menu (placement reads it).
      const rate = (name: string, bps: number) =>
        db.query("INSERT INTO tax_rate (id, location_id, name, rate_bps, position) VALUES (gen_random_uuid(), $1, $2, $3, 0)", [
          loc.rows[0].id,
          name,
          bps,
        ]);
      const version = async () =>
        (await db.query("SELECT menu_version FROM location WHERE id = $1", [loc.rows[0].id])).rows[0].menu_version;
      const before = await version();
      await rate("Standard", 1900);
      expect(await version()).toBe(before + 1);
      await expect(rate("STANDARD", 700)).rejects.toThrow(/tax_rate_location_id_lower_name_key/);
      await expect(rate("Too much", 10_001)).rejects.toThrow(/tax_rate_rate_bps_check/);
      await expect(rate("Negative", -1)).rejects.toThrow(/tax_rate_rate_bps_check/);
      // A business day starts at an hour of the clock; a closed day's report is never rewritten.
      await expect(db.query("UPDATE location SET day_cutoff_hour = 24 WHERE id = $1", [loc.rows[0].id])).rejects.toThrow(
        /location_day_cutoff_hour_check/,
      );
      const closed = await db.query(
        `INSERT INTO day_close (id, location_id, business_day, client_close_id, closed_at, open_sessions, report)
         VALUES (gen_random_uuid(), $1, '2026-12-24', 'close-1', now(), 0, '{}') RETURNING id`,
        [loc.rows[0].id],
      );
      await expect(db.query("UPDATE day_close SET report = '{\"x\":1}' WHERE id = $1", [closed.rows[0].id])).rejects.toThrow(
        /a closed day is never changed/,
      );
      // Applying again is a no-op.
      const again = await migrateDatabase(url);
      expect(again.output).toContain("No pending migrations to apply");
      expect((await db.query("SELECT count(*)::int AS n FROM _prisma_migrations")).rows[0].n).toBe(committed.length);
    } finally {
      await db.end();
    }
  }, 120_000); // two runs of the Prisma CLI, each ~10 s on a busy 2-core machine

  it("are split into statements on the semicolons that end them, not those in comments, strings or function bodies", () => {
    const script = [
      "-- the menu's version; bumped by triggers",
      'ALTER TABLE "location" ADD COLUMN "v" INTEGER NOT NULL DEFAULT 0;',
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$",
      "BEGIN UPDATE t SET a = 'x;y'; RETURN NULL; END",
      "$$;",
      "INSERT INTO t (a) VALUES ('it''s; fine');",
      "-- only a comment;",
    ].join("\n");
    expect(splitSqlScript(script)).toEqual([
      '-- the menu\'s version; bumped by triggers\nALTER TABLE "location" ADD COLUMN "v" INTEGER NOT NULL DEFAULT 0',
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN UPDATE t SET a = 'x;y'; RETURN NULL; END\n$$",
      "INSERT INTO t (a) VALUES ('it''s; fine')",
    ]);
  });
});
