
-- AlterTable
ALTER TABLE "location" ADD COLUMN     "receipt_printer_id" UUID;

-- AlterTable
ALTER TABLE "station" ADD COLUMN     "backup_printer_id" UUID;

-- CreateTable
CREATE TABLE "station_printer" (
    "station_id" UUID NOT NULL,
    "printer_id" UUID NOT NULL,

    CONSTRAINT "station_printer_pkey" PRIMARY KEY ("station_id","printer_id")
);

-- CreateIndex
CREATE INDEX "station_printer_printer_id_idx" ON "station_printer"("printer_id");

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_receipt_printer_id_fkey" FOREIGN KEY ("receipt_printer_id") REFERENCES "printer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_printer" ADD CONSTRAINT "station_printer_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_printer" ADD CONSTRAINT "station_printer_printer_id_fkey" FOREIGN KEY ("printer_id") REFERENCES "printer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station" ADD CONSTRAINT "station_backup_printer_id_fkey" FOREIGN KEY ("backup_printer_id") REFERENCES "printer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

