-- DropIndex
DROP INDEX "ticket_order_id_station_id_key";

-- AlterTable
ALTER TABLE "category" ADD COLUMN     "default_course_id" UUID;

-- AlterTable
ALTER TABLE "order_item" ADD COLUMN     "course_id" UUID,
ADD COLUMN     "seat" SMALLINT;

-- AlterTable
ALTER TABLE "ticket" ADD COLUMN     "course_id" UUID,
ADD COLUMN     "fired_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "course" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_hold" (
    "session_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "held_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "held_by_id" UUID,

    CONSTRAINT "course_hold_pkey" PRIMARY KEY ("session_id","course_id")
);

-- CreateIndex
CREATE INDEX "course_location_id_position_idx" ON "course"("location_id", "position");

-- CreateIndex
CREATE INDEX "course_hold_course_id_idx" ON "course_hold"("course_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_order_id_station_id_course_id_key" ON "ticket"("order_id", "station_id", "course_id");

-- AddForeignKey
ALTER TABLE "course" ADD CONSTRAINT "course_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_hold" ADD CONSTRAINT "course_hold_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_hold" ADD CONSTRAINT "course_hold_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_hold" ADD CONSTRAINT "course_hold_held_by_id_fkey" FOREIGN KEY ("held_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category" ADD CONSTRAINT "category_default_course_id_fkey" FOREIGN KEY ("default_course_id") REFERENCES "course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- A course's name is unique within its location whatever the case (like a station's).
CREATE UNIQUE INDEX "course_location_id_lower_name_key" ON "course"("location_id", lower("name"));

-- Every ticket made before courses was sent to the kitchen when it was made.
UPDATE "ticket" SET "fired_at" = "created_at";

-- Every location gets the four usual courses; a category named like one defaults to it, the
-- others (pizzas, pasta…) to Mains.
INSERT INTO "course" ("id", "location_id", "name", "position")
SELECT gen_random_uuid(), l."id", c."name", c."position"
FROM "location" l CROSS JOIN (VALUES ('Drinks', 0), ('Starters', 1), ('Mains', 2), ('Desserts', 3)) AS c("name", "position");

UPDATE "category" cat SET "default_course_id" = coalesce(
  (SELECT co."id" FROM "course" co WHERE co."location_id" = cat."location_id" AND lower(co."name") = lower(cat."name")),
  (SELECT co."id" FROM "course" co WHERE co."location_id" = cat."location_id" AND co."name" = 'Mains'));
