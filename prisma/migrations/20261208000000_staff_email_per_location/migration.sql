-- DropIndex
DROP INDEX "staff_user_email_key";

-- CreateIndex
CREATE INDEX "staff_user_email_idx" ON "staff_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_location_id_email_key" ON "staff_user"("location_id", "email");

-- Hand-written: uniqueness per location relies on emails being stored lower-cased (the API
-- and the seeders lower-case them). NOT VALID: rows written before are not re-checked, new
-- and changed ones are.
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_email_lower" CHECK ("email" = lower("email")) NOT VALID;
