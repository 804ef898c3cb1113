
-- AlterTable
ALTER TABLE "location" ADD COLUMN     "day_cutoff_hour" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "business_day" DATE;

-- CreateTable
CREATE TABLE "day_close" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "business_day" DATE NOT NULL,
    "client_close_id" TEXT NOT NULL,
    "closed_at" TIMESTAMP(3) NOT NULL,
    "closed_by_id" UUID,
    "first_receipt" INTEGER,
    "last_receipt" INTEGER,
    "open_sessions" INTEGER NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "day_close_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "day_close_location_id_business_day_key" ON "day_close"("location_id", "business_day");

-- CreateIndex
CREATE UNIQUE INDEX "day_close_location_id_client_close_id_key" ON "day_close"("location_id", "client_close_id");

-- CreateIndex
CREATE INDEX "order_session_location_id_business_day_idx" ON "order_session"("location_id", "business_day");

-- AddForeignKey
ALTER TABLE "day_close" ADD CONSTRAINT "day_close_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "day_close" ADD CONSTRAINT "day_close_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand (Prisma cannot express these):
-- A business day starts at a whole hour of the venue's clock.
ALTER TABLE "location" ADD CONSTRAINT "location_day_cutoff_hour_check" CHECK ("day_cutoff_hour" BETWEEN 0 AND 23);
-- Receipts closed before this migration belong to the business day of their closing time, by
-- the venue's time zone and the default cut-off (as days/business-day.sql.ts computes it from
-- now on); merged sessions (closed with nothing left on them) belong to none.
UPDATE "order_session" s SET "business_day" =
  ((s."closed_at" AT TIME ZONE 'UTC' AT TIME ZONE l."time_zone") - make_interval(hours => l."day_cutoff_hour"))::date
FROM "location" l
WHERE l."id" = s."location_id" AND s."status" = 'CLOSED' AND s."closed_at" IS NOT NULL AND s."merged_into_id" IS NULL;
-- A closed day's Z report is what it was at the close: nothing rewrites it (only the closer's
-- account may be unlinked when it is deleted, the foreign key's SET NULL).
CREATE FUNCTION "day_close_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'day_close %: a closed day is never changed', OLD."id" USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "day_close_immutable" BEFORE UPDATE OF "location_id", "business_day", "client_close_id", "closed_at",
  "first_receipt", "last_receipt", "open_sessions", "report" ON "day_close"
  FOR EACH ROW EXECUTE FUNCTION "day_close_immutable"();
