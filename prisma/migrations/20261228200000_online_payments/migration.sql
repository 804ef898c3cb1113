
-- CreateEnum
CREATE TYPE "CheckoutStatus" AS ENUM ('OPEN', 'PAID', 'EXPIRED');

-- AlterEnum
ALTER TYPE "PaymentMethod" ADD VALUE 'ONLINE';

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "provider_ref" TEXT,
ADD COLUMN     "refund_of_id" UUID;

-- CreateTable
CREATE TABLE "payment_account" (
    "location_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "secret_key" TEXT NOT NULL,
    "webhook_secret" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "payment_account_pkey" PRIMARY KEY ("location_id")
);

-- CreateTable
CREATE TABLE "checkout" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "client_payment_id" TEXT NOT NULL,
    "customer_id" UUID,
    "amount_cents" INTEGER NOT NULL,
    "tip_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_checkout_id" TEXT,
    "url" TEXT,
    "status" "CheckoutStatus" NOT NULL DEFAULT 'OPEN',
    "payment_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "checkout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "checkout_provider_checkout_id_key" ON "checkout"("provider_checkout_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkout_payment_id_key" ON "checkout"("payment_id");

-- CreateIndex
CREATE INDEX "checkout_status_created_at_idx" ON "checkout"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "checkout_session_id_client_payment_id_key" ON "checkout"("session_id", "client_payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_provider_ref_key" ON "payment"("provider_ref");

-- AddForeignKey
ALTER TABLE "payment_account" ADD CONSTRAINT "payment_account_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_account" ADD CONSTRAINT "payment_account_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_refund_of_id_fkey" FOREIGN KEY ("refund_of_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout" ADD CONSTRAINT "checkout_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout" ADD CONSTRAINT "checkout_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout" ADD CONSTRAINT "checkout_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- What a checkout and a refund may hold (integer cents, never negative; a refund names its kind).
ALTER TABLE "checkout" ADD CONSTRAINT "checkout_amounts" CHECK ("amount_cents" >= 0 AND "tip_cents" >= 0 AND "amount_cents" + "tip_cents" > 0);
ALTER TABLE "payment" ADD CONSTRAINT "payment_refund_of_kind" CHECK ("refund_of_id" IS NULL OR "kind" = 'REFUND');
