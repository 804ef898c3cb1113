
-- AlterTable
ALTER TABLE "station" ADD COLUMN     "capacity" SMALLINT;


ALTER TABLE "station" ADD CONSTRAINT "station_capacity_check" CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 500);
