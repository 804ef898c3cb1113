
-- CreateEnum
CREATE TYPE "PrinterVia" AS ENUM ('DIRECT', 'BRIDGE');

-- AlterTable
ALTER TABLE "printer" ADD COLUMN     "via" "PrinterVia" NOT NULL DEFAULT 'DIRECT';

