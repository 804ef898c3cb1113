-- AlterTable
ALTER TABLE "print_job" ADD COLUMN     "language" TEXT;

-- A bill or receipt prints in the language staff asked for: one the receipts are written in
-- (contract RECEIPT_LANGUAGES), as the kitchen's language is.
ALTER TABLE "print_job" ADD CONSTRAINT "print_job_language_check" CHECK ("language" IN ('en', 'de', 'fr', 'es', 'it'));
