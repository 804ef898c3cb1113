
-- CreateTable
CREATE TABLE "printer" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 9100,
    "paper_width_mm" INTEGER NOT NULL DEFAULT 80,
    "codepage" TEXT NOT NULL DEFAULT 'auto',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "printer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "printer_location_id_idx" ON "printer"("location_id");

-- AddForeignKey
ALTER TABLE "printer" ADD CONSTRAINT "printer_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What a printer may be: a TCP port, a paper width the encoder knows, a name unique in its location.
ALTER TABLE "printer" ADD CONSTRAINT "printer_port" CHECK ("port" BETWEEN 1 AND 65535);
ALTER TABLE "printer" ADD CONSTRAINT "printer_paper_width" CHECK ("paper_width_mm" IN (58, 80));
CREATE UNIQUE INDEX "printer_location_name_key" ON "printer" ("location_id", lower("name"));
