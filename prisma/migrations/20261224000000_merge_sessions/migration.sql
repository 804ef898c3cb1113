
-- CreateEnum
CREATE TYPE "SessionTransferKind" AS ENUM ('MERGE', 'SPLIT', 'LINES');

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "merged_into_id" UUID;

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "moved_from" TEXT;

-- AlterTable
ALTER TABLE "order_item" ADD COLUMN     "moved_to" TEXT;

-- CreateTable
CREATE TABLE "session_transfer" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "client_transfer_id" TEXT NOT NULL,
    "kind" "SessionTransferKind" NOT NULL,
    "from_session_id" UUID NOT NULL,
    "to_session_id" UUID NOT NULL,
    "request" JSONB NOT NULL,
    "from_order_id" UUID,
    "to_order_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "session_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "session_transfer_from_session_id_idx" ON "session_transfer"("from_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_transfer_location_id_client_transfer_id_key" ON "session_transfer"("location_id", "client_transfer_id");

