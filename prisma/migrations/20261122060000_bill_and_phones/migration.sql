-- CreateEnum
CREATE TYPE "JoinVia" AS ENUM ('CODE', 'CARD');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('WAITER', 'BILL');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'OTHER');

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "open_on_first_scan" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "waive_reason" TEXT,
ADD COLUMN     "waived_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "customer" ADD COLUMN     "removed_at" TIMESTAMP(3),
ADD COLUMN     "removed_by_id" UUID,
ADD COLUMN     "via" "JoinVia" NOT NULL DEFAULT 'CODE';

-- CreateTable
CREATE TABLE "session_alert" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "customer_id" UUID,
    "kind" "AlertKind" NOT NULL,
    "raised_at" TIMESTAMP(3) NOT NULL,
    "acknowledged_at" TIMESTAMP(3),
    "acknowledged_by_id" UUID,

    CONSTRAINT "session_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "client_payment_id" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "tip_cents" INTEGER NOT NULL,
    "customer_id" UUID,
    "note" TEXT,
    "recorded_at" TIMESTAMP(3) NOT NULL,
    "recorded_by_id" UUID,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "session_alert_session_id_idx" ON "session_alert"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_session_id_client_payment_id_key" ON "payment"("session_id", "client_payment_id");

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_alert" ADD CONSTRAINT "session_alert_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_alert" ADD CONSTRAINT "session_alert_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_alert" ADD CONSTRAINT "session_alert_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one pending call per phone and kind (Prisma cannot express a partial index): a
-- double tap, or two instances, raise one call
CREATE UNIQUE INDEX "session_alert_pending_key" ON "session_alert"("session_id", "customer_id", "kind") WHERE "acknowledged_at" IS NULL;

-- Money is never negative
ALTER TABLE "payment" ADD CONSTRAINT "payment_amounts_check" CHECK ("amount_cents" >= 0 AND "tip_cents" >= 0);
