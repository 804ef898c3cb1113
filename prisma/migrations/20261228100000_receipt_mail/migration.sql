-- Issue 33: net-price locations (the session snapshots the setting at open; what the tax added is stored at close) and e-mailed receipts.

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "prices_include_tax" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "prices_include_tax" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "tax_added_cents" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "receipt_mail" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "client_mail_id" TEXT NOT NULL,
    "to_masked" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "by_customer_id" UUID,
    "by_staff_id" UUID,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "message_id" TEXT,

    CONSTRAINT "receipt_mail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "receipt_mail_session_id_client_mail_id_key" ON "receipt_mail"("session_id", "client_mail_id");

-- AddForeignKey
ALTER TABLE "receipt_mail" ADD CONSTRAINT "receipt_mail_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

