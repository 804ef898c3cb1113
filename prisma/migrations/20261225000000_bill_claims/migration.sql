-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "payer" TEXT;

-- CreateTable
CREATE TABLE "bill_claim" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "payer" TEXT NOT NULL,
    "payer_customer_id" UUID,
    "weight" INTEGER NOT NULL,
    "claimed_by_customer_id" UUID,
    "claimed_by_staff_id" UUID,
    "claimed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bill_claim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bill_claim_session_id_idx" ON "bill_claim"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "bill_claim_order_id_position_payer_key" ON "bill_claim"("order_id", "position", "payer");

-- AddForeignKey
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_payer_customer_id_fkey" FOREIGN KEY ("payer_customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_claimed_by_customer_id_fkey" FOREIGN KEY ("claimed_by_customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_claimed_by_staff_id_fkey" FOREIGN KEY ("claimed_by_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A claim is 1..9 parts of its line; a payer key names a phone, a seat or a person (contract bill-split.ts).
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_weight_check" CHECK ("weight" BETWEEN 1 AND 9);
ALTER TABLE "bill_claim" ADD CONSTRAINT "bill_claim_payer_check" CHECK (
  ("payer" ~ '^(seat|person):[1-9][0-9]?$' AND "payer_customer_id" IS NULL)
  OR ("payer" = 'phone:' || "payer_customer_id"::text));
-- A payment's payer is a seat or a person; a phone's payment names its phone in customer_id.
ALTER TABLE "payment" ADD CONSTRAINT "payment_payer_check" CHECK ("payer" IS NULL OR "payer" ~ '^(seat|person):[1-9][0-9]?$');
