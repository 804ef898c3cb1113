-- AlterTable
ALTER TABLE "location" ADD COLUMN     "address" TEXT,
ADD COLUMN     "legal_name" TEXT,
ADD COLUMN     "receipts_issued" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tax_id" TEXT;

-- AlterTable
ALTER TABLE "category" ADD COLUMN     "tax_rate_id" UUID;

-- AlterTable
ALTER TABLE "product" ADD COLUMN     "tax_rate_id" UUID;

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "receipt_number" INTEGER;

-- AlterTable
ALTER TABLE "order_item" ADD COLUMN     "tax_name" TEXT,
ADD COLUMN     "tax_rate_bps" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "tax_rate" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "rate_bps" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_rate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tax_rate_location_id_position_idx" ON "tax_rate"("location_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "order_session_location_id_receipt_number_key" ON "order_session"("location_id", "receipt_number");

-- AddForeignKey
ALTER TABLE "tax_rate" ADD CONSTRAINT "tax_rate_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category" ADD CONSTRAINT "category_tax_rate_id_fkey" FOREIGN KEY ("tax_rate_id") REFERENCES "tax_rate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_tax_rate_id_fkey" FOREIGN KEY ("tax_rate_id") REFERENCES "tax_rate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand (Prisma cannot express these):
-- A rate is 0 % to 100 %; its name is unique within the location whatever the case.
ALTER TABLE "tax_rate" ADD CONSTRAINT "tax_rate_rate_bps_check" CHECK ("rate_bps" BETWEEN 0 AND 10000);
CREATE UNIQUE INDEX "tax_rate_location_id_lower_name_key" ON "tax_rate"("location_id", lower("name"));
-- A line's rate is a rate; receipt numbers count from 1.
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_tax_rate_bps_check" CHECK ("tax_rate_bps" BETWEEN 0 AND 10000);
ALTER TABLE "order_session" ADD CONSTRAINT "order_session_receipt_number_check" CHECK ("receipt_number" > 0);
-- Placement reads a product's rate (its own, else its category's) with the menu: a rate's
-- change is a change of the menu (the menu_version migration's trigger function, which keys
-- on location_id for tables other than options and groups).
CREATE TRIGGER "tax_rate_menu_changed" AFTER INSERT OR UPDATE OR DELETE ON "tax_rate"
  FOR EACH ROW EXECUTE FUNCTION "menu_changed"();
