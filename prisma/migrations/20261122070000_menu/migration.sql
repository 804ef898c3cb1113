-- The menu a venue needs (issue 13): categories as records, options, allergens and tags,
-- photos, hidden and archived products, a version per product, service windows in the
-- location's time zone. Existing products keep their data: their free-text categories
-- become records (names that differ only in case become one), and products sharing a name
-- at a location get a number so names are unique among products in use

-- AlterTable
ALTER TABLE "location" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "category" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "available_from" TEXT,
    "available_until" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "category_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "category_window_check" CHECK (("available_from" IS NULL) = ("available_until" IS NULL))
);

-- One category per location and case-insensitive name, in alphabetical order to start with
INSERT INTO "category" ("id", "location_id", "name", "position")
SELECT gen_random_uuid(), "location_id", min("category"),
       (row_number() OVER (PARTITION BY "location_id" ORDER BY lower("category")) - 1)::int
FROM "product"
GROUP BY "location_id", lower("category");

-- AlterTable
ALTER TABLE "product"
ADD COLUMN     "category_id" UUID,
ADD COLUMN     "allergens" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "archived_at" TIMESTAMP(3),
ADD COLUMN     "hidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "photo_key" TEXT,
ADD COLUMN     "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

UPDATE "product" p SET "category_id" = c."id"
FROM "category" c
WHERE c."location_id" = p."location_id" AND lower(c."name") = lower(p."category");

ALTER TABLE "product" ALTER COLUMN "category_id" SET NOT NULL;

-- DropIndex
DROP INDEX "product_location_id_category_name_idx";

ALTER TABLE "product" DROP COLUMN "category";

-- Names shared at a location: the second and later get " (2)", " (3)"...
UPDATE "product" p SET "name" = p."name" || ' (' || d.n || ')'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "location_id", lower("name") ORDER BY "created_at", "id") AS n FROM "product"
) d
WHERE d."id" = p."id" AND d.n > 1;

-- AlterTable
ALTER TABLE "order_item" ADD COLUMN     "allergens" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "options" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "option_group" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "min_choices" INTEGER NOT NULL,
    "max_choices" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "option_group_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "option_group_choices_check" CHECK ("min_choices" >= 0 AND "max_choices" >= 1 AND "min_choices" <= "max_choices")
);

-- CreateTable
CREATE TABLE "product_option" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "price_delta_cents" INTEGER NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,

    CONSTRAINT "product_option_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "category_location_id_position_idx" ON "category"("location_id", "position");

-- Category names are unique per location whatever the case (Prisma cannot express it)
CREATE UNIQUE INDEX "category_location_id_name_key" ON "category"("location_id", lower("name"));

-- Product names are unique among a location's products in use, whatever the case
CREATE UNIQUE INDEX "product_location_id_name_key" ON "product"("location_id", lower("name")) WHERE "archived_at" IS NULL;

-- CreateIndex
CREATE INDEX "option_group_product_id_position_idx" ON "option_group"("product_id", "position");

-- CreateIndex
CREATE INDEX "product_option_group_id_position_idx" ON "product_option"("group_id", "position");

-- CreateIndex
CREATE INDEX "product_location_id_idx" ON "product"("location_id");

-- CreateIndex
CREATE INDEX "product_category_id_idx" ON "product"("category_id");

-- AddForeignKey
ALTER TABLE "category" ADD CONSTRAINT "category_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "option_group" ADD CONSTRAINT "option_group_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_option" ADD CONSTRAINT "product_option_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "option_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
