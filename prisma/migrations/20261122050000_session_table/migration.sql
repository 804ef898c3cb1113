-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "table_id" UUID;

-- CreateIndex
CREATE INDEX "order_session_table_id_idx" ON "order_session"("table_id");

-- AddForeignKey
ALTER TABLE "order_session" ADD CONSTRAINT "order_session_table_id_fkey" FOREIGN KEY ("table_id") REFERENCES "dining_table"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- A table has at most one open session (its current seating)
CREATE UNIQUE INDEX "order_session_open_table_key" ON "order_session" ("table_id") WHERE "status" = 'OPEN' AND "table_id" IS NOT NULL;
