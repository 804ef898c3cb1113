-- CreateTable
CREATE TABLE "dining_table" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "area" TEXT,
    "seats" INTEGER,
    "position" INTEGER NOT NULL,
    "card_code" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dining_table_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dining_table_card_code_key" ON "dining_table"("card_code");

-- CreateIndex
CREATE INDEX "dining_table_location_id_position_idx" ON "dining_table"("location_id", "position");

-- AddForeignKey
ALTER TABLE "dining_table" ADD CONSTRAINT "dining_table_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A table name is unique per location among tables still in use, whatever its case
CREATE UNIQUE INDEX "dining_table_location_id_name_key" ON "dining_table" ("location_id", lower("name")) WHERE "retired_at" IS NULL;
