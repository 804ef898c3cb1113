-- The menu's version (issue 16): placing an order reads the menu from memory instead of from
-- the database, and its one write checks that location.menu_version is still the number that
-- copy was read at (server/src/orders/placement-menus.ts). These triggers bump the number in
-- the same transaction as every change of what placement reads: products (except their stock
-- and updated_at, which every accepted order of a stock-tracked product changes), categories,
-- option groups, options, and the location's currency and time zone. Triggers rather than
-- application code so that no write path, present or future, can forget it.

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "menu_version" INTEGER NOT NULL DEFAULT 0;

-- A product, category, option group or option changed: bump its location's menu version.
CREATE FUNCTION "menu_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'product_option' THEN
    UPDATE "location" SET "menu_version" = "menu_version" + 1
    WHERE "id" = (SELECT p."location_id" FROM "option_group" g JOIN "product" p ON p."id" = g."product_id" WHERE g."id" = r."group_id");
  ELSIF TG_TABLE_NAME = 'option_group' THEN
    UPDATE "location" SET "menu_version" = "menu_version" + 1
    WHERE "id" = (SELECT p."location_id" FROM "product" p WHERE p."id" = r."product_id");
  ELSE
    UPDATE "location" SET "menu_version" = "menu_version" + 1 WHERE "id" = r."location_id";
  END IF;
  -- A product or category moved to another location: the old location's menu changed too.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('product', 'category') THEN
    IF OLD."location_id" <> NEW."location_id" THEN
      UPDATE "location" SET "menu_version" = "menu_version" + 1 WHERE "id" = OLD."location_id";
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "product_menu_changed" AFTER INSERT OR DELETE ON "product"
  FOR EACH ROW EXECUTE FUNCTION "menu_changed"();
CREATE TRIGGER "product_menu_edited" AFTER UPDATE ON "product"
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'stock' - 'updated_at') IS DISTINCT FROM (to_jsonb(NEW) - 'stock' - 'updated_at'))
  EXECUTE FUNCTION "menu_changed"();
CREATE TRIGGER "category_menu_changed" AFTER INSERT OR UPDATE OR DELETE ON "category"
  FOR EACH ROW EXECUTE FUNCTION "menu_changed"();
CREATE TRIGGER "option_group_menu_changed" AFTER INSERT OR UPDATE OR DELETE ON "option_group"
  FOR EACH ROW EXECUTE FUNCTION "menu_changed"();
CREATE TRIGGER "product_option_menu_changed" AFTER INSERT OR UPDATE OR DELETE ON "product_option"
  FOR EACH ROW EXECUTE FUNCTION "menu_changed"();

-- The location's own currency or time zone changed.
CREATE FUNCTION "location_menu_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."menu_version" := OLD."menu_version" + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER "location_menu_changed" BEFORE UPDATE OF "currency", "time_zone" ON "location"
  FOR EACH ROW WHEN (OLD."currency" IS DISTINCT FROM NEW."currency" OR OLD."time_zone" IS DISTINCT FROM NEW."time_zone")
  EXECUTE FUNCTION "location_menu_changed"();
