-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('PAYMENT', 'REFUND');

-- AlterTable
ALTER TABLE "order_session" ALTER COLUMN "waived_cents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "cancelled_by_id" UUID;

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "kind" "PaymentKind" NOT NULL DEFAULT 'PAYMENT';

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
