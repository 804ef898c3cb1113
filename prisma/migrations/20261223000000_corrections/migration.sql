-- Corrections of a bill (issue 32, item 2): void, comp, discount of a line or the whole bill,
-- and the location's service charge, snapshotted by each session when it opens.

-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('VOID', 'COMP', 'DISCOUNT');

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "service_charge_bps" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "service_charge_bps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "service_charge_cents" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "correction" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "client_correction_id" TEXT NOT NULL,
    "order_id" UUID,
    "position" INTEGER,
    "kind" "CorrectionKind" NOT NULL,
    "percent_bps" INTEGER,
    "amount_cents" INTEGER,
    "off_cents" INTEGER NOT NULL,
    "reason" TEXT,
    "by_id" UUID,
    "approved_by_id" UUID,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "correction_order_id_position_idx" ON "correction"("order_id", "position");

-- CreateIndex
CREATE INDEX "correction_at_idx" ON "correction"("at");

-- CreateIndex
CREATE UNIQUE INDEX "correction_session_id_client_correction_id_key" ON "correction"("session_id", "client_correction_id");

-- AddForeignKey
ALTER TABLE "correction" ADD CONSTRAINT "correction_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction" ADD CONSTRAINT "correction_order_id_position_fkey" FOREIGN KEY ("order_id", "position") REFERENCES "order_item"("order_id", "position") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction" ADD CONSTRAINT "correction_by_id_fkey" FOREIGN KEY ("by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction" ADD CONSTRAINT "correction_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A line is named by both its order and position, the whole bill by neither; nothing takes off less than 0.
ALTER TABLE "correction" ADD CONSTRAINT "correction_line_or_bill" CHECK (("order_id" IS NULL) = ("position" IS NULL));
ALTER TABLE "correction" ADD CONSTRAINT "correction_off_cents_nonnegative" CHECK ("off_cents" >= 0);
ALTER TABLE "location" ADD CONSTRAINT "location_service_charge_bps_range" CHECK ("service_charge_bps" BETWEEN 0 AND 10000);
