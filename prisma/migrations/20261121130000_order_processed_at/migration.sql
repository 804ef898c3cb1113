-- AlterTable
ALTER TABLE "order" ADD COLUMN     "processed_at" TIMESTAMP(3);
