
-- CreateEnum
CREATE TYPE "PrintJobKind" AS ENUM ('TICKET', 'VOID', 'BILL', 'RECEIPT');

-- CreateEnum
CREATE TYPE "PrintJobStatus" AS ENUM ('QUEUED', 'PRINTING', 'PRINTED', 'CANCELLED');

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "kitchen_language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "printer" ADD COLUMN     "checked_at" TIMESTAMP(3),
ADD COLUMN     "failing_since" TIMESTAMP(3),
ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "problem" TEXT;

-- CreateTable
CREATE TABLE "print_job" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "location_id" UUID NOT NULL,
    "printer_id" UUID,
    "made_for_id" UUID,
    "kind" "PrintJobKind" NOT NULL,
    "source" TEXT NOT NULL,
    "ticket_id" UUID,
    "session_id" UUID,
    "correction_id" UUID,
    "status" "PrintJobStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maybe_printed" BOOLEAN NOT NULL DEFAULT false,
    "reprint" BOOLEAN NOT NULL DEFAULT false,
    "last_error" TEXT,
    "requested_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "printed_at" TIMESTAMP(3),
    "content" TEXT,

    CONSTRAINT "print_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "print_job_printer_id_status_seq_idx" ON "print_job"("printer_id", "status", "seq");

-- CreateIndex
CREATE INDEX "print_job_location_id_created_at_idx" ON "print_job"("location_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "print_job_source_made_for_id_key" ON "print_job"("source", "made_for_id");

-- AddForeignKey
ALTER TABLE "print_job" ADD CONSTRAINT "print_job_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_job" ADD CONSTRAINT "print_job_printer_id_fkey" FOREIGN KEY ("printer_id") REFERENCES "printer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_job" ADD CONSTRAINT "print_job_made_for_id_fkey" FOREIGN KEY ("made_for_id") REFERENCES "printer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_job" ADD CONSTRAINT "print_job_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The kitchen's language is one the tickets can be printed in (contract RECEIPT_LANGUAGES).
ALTER TABLE "location" ADD CONSTRAINT "location_kitchen_language_check" CHECK ("kitchen_language" IN ('en', 'de', 'fr', 'es', 'it'));

-- What the print workers look for: the printers with jobs to print, and jobs waiting too long.
CREATE INDEX "print_job_open_idx" ON "print_job" ("location_id", "printer_id") WHERE "status" IN ('QUEUED', 'PRINTING');
CREATE INDEX "print_job_open_created_idx" ON "print_job" ("created_at") WHERE "status" IN ('QUEUED', 'PRINTING');

-- A ticket fired at its station (made fired, or its held course fired) → one job per printer
-- of the station, in the same transaction: whatever statement fires a ticket (processing,
-- shipping, firing a course), its paper cannot be lost or forgotten. Fired again after a hold
-- (the kitchen may have its paper already): a RE-FIRE copy.
CREATE FUNCTION "ticket_print_jobs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "print_job" ("id", "location_id", "printer_id", "made_for_id", "kind", "source", "ticket_id", "session_id")
  SELECT gen_random_uuid(), p."location_id", sp."printer_id", sp."printer_id", 'TICKET',
         CASE WHEN EXISTS (SELECT 1 FROM "print_job" j WHERE j."ticket_id" = NEW."id" AND j."kind" = 'TICKET')
              THEN 'refire:' || NEW."id" || ':' || (extract(epoch FROM NEW."fired_at") * 1000)::bigint
              ELSE 'ticket:' || NEW."id" END,
         NEW."id", o."session_id"
  FROM "station_printer" sp
  JOIN "printer" p ON p."id" = sp."printer_id"
  JOIN "order" o ON o."id" = NEW."order_id"
  WHERE sp."station_id" = NEW."station_id"
  ON CONFLICT ("source", "made_for_id") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "ticket_made_print" AFTER INSERT ON "ticket"
  FOR EACH ROW WHEN (NEW."fired_at" IS NOT NULL) EXECUTE FUNCTION "ticket_print_jobs"();
CREATE TRIGGER "ticket_fired_print" AFTER UPDATE OF "fired_at" ON "ticket"
  FOR EACH ROW WHEN (OLD."fired_at" IS NULL AND NEW."fired_at" IS NOT NULL) EXECUTE FUNCTION "ticket_print_jobs"();

-- A line voided on a ticket the kitchen was sent on paper → a VOID slip on the printers that
-- ticket went to, in the voiding's transaction.
CREATE FUNCTION "void_print_jobs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "print_job" ("id", "location_id", "printer_id", "made_for_id", "kind", "source", "ticket_id", "session_id", "correction_id")
  SELECT gen_random_uuid(), j."location_id", j."printer_id", j."made_for_id", 'VOID', 'void:' || NEW."id", t."id", NEW."session_id", NEW."id"
  FROM "order_item" i
  JOIN "ticket" t ON t."order_id" = i."order_id" AND t."station_id" = i."station_id" AND t."course_id" IS NOT DISTINCT FROM i."course_id"
  JOIN LATERAL (SELECT DISTINCT ON ("made_for_id") * FROM "print_job"
                WHERE "ticket_id" = t."id" AND "kind" = 'TICKET' AND "status" <> 'CANCELLED' AND "made_for_id" IS NOT NULL
                ORDER BY "made_for_id", "seq" DESC) j ON true
  WHERE i."order_id" = NEW."order_id" AND i."position" = NEW."position"
  ON CONFLICT ("source", "made_for_id") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "correction_void_print" AFTER INSERT ON "correction"
  FOR EACH ROW WHEN (NEW."kind" = 'VOID' AND NEW."order_id" IS NOT NULL) EXECUTE FUNCTION "void_print_jobs"();
