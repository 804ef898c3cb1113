-- AlterTable
ALTER TABLE "order" ADD COLUMN     "entered_by_id" UUID;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

