-- Staff accounts and the kitchen display (issue 14): four roles (STAFF becomes SERVER),
-- one-time password links, stations with each category routed to one, order lines that
-- remember their station, and one ticket per station of an accepted order. Existing data is
-- kept: every location gets a "Kitchen" station, every category and past line goes to it,
-- and accepted orders not yet delivered get their ticket (READY if their shipment is)

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('NEW', 'PREPARING', 'READY');

-- AlterEnum: STAFF accounts become SERVER
CREATE TYPE "StaffRole_new" AS ENUM ('OWNER', 'MANAGER', 'SERVER', 'KITCHEN');
ALTER TABLE "staff_user" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "staff_user" ALTER COLUMN "role" TYPE "StaffRole_new"
  USING (CASE "role"::text WHEN 'STAFF' THEN 'SERVER' ELSE "role"::text END::"StaffRole_new");
ALTER TYPE "StaffRole" RENAME TO "StaffRole_old";
ALTER TYPE "StaffRole_new" RENAME TO "StaffRole";
DROP TYPE "StaffRole_old";
ALTER TABLE "staff_user" ALTER COLUMN "role" SET DEFAULT 'SERVER';

-- AlterTable
ALTER TABLE "location" ADD COLUMN "ticket_amber_minutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN "ticket_red_minutes" INTEGER NOT NULL DEFAULT 20,
ADD CONSTRAINT "location_ticket_minutes_check" CHECK ("ticket_amber_minutes" > 0 AND "ticket_amber_minutes" < "ticket_red_minutes");

-- AlterTable
ALTER TABLE "staff_user" ALTER COLUMN "password_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "staff_setup_token" (
    "token_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_setup_token_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "station" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "station_pkey" PRIMARY KEY ("id")
);

-- One name per station at a location, whatever the case
CREATE UNIQUE INDEX "station_location_id_lower_name_key" ON "station"("location_id", lower("name"));

-- Every location starts with a Kitchen
INSERT INTO "station" ("id", "location_id", "name", "position")
SELECT gen_random_uuid(), "id", 'Kitchen', 0 FROM "location";

-- AlterTable: categories and past lines go to their location's Kitchen
ALTER TABLE "category" ADD COLUMN "station_id" UUID;
UPDATE "category" c SET "station_id" = s."id" FROM "station" s WHERE s."location_id" = c."location_id";
ALTER TABLE "category" ALTER COLUMN "station_id" SET NOT NULL;

ALTER TABLE "order_item" ADD COLUMN "station_id" UUID;
UPDATE "order_item" i SET "station_id" = s."id"
FROM "order" o, "station" s
WHERE o."id" = i."order_id" AND s."location_id" = o."location_id";
ALTER TABLE "order_item" ALTER COLUMN "station_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "ticket" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'NEW',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "ready_at" TIMESTAMP(3),
    "moved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_pkey" PRIMARY KEY ("id")
);

-- Orders being prepared now get their ticket, as far along as their shipment
INSERT INTO "ticket" ("id", "order_id", "station_id", "status", "created_at", "started_at", "ready_at", "moved_at")
SELECT gen_random_uuid(), sh."order_id", st."id",
       (CASE WHEN sh."status" = 'READY' THEN 'READY' ELSE 'NEW' END)::"TicketStatus",
       sh."created_at", NULL, sh."ready_at", sh."updated_at"
FROM "shipment" sh
JOIN "order" o ON o."id" = sh."order_id"
JOIN "station" st ON st."location_id" = o."location_id"
WHERE o."status" = 'ACCEPTED' AND sh."status" IN ('PREPARING', 'READY');

-- CreateIndex
CREATE INDEX "staff_setup_token_staff_id_idx" ON "staff_setup_token"("staff_id");

-- CreateIndex
CREATE INDEX "station_location_id_position_idx" ON "station"("location_id", "position");

-- CreateIndex
CREATE INDEX "ticket_station_id_status_idx" ON "ticket"("station_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_order_id_station_id_key" ON "ticket"("order_id", "station_id");

-- CreateIndex
CREATE INDEX "category_station_id_idx" ON "category"("station_id");

-- AddForeignKey
ALTER TABLE "staff_setup_token" ADD CONSTRAINT "staff_setup_token_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station" ADD CONSTRAINT "station_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category" ADD CONSTRAINT "category_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
