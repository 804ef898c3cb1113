-- CreateEnum
CREATE TYPE "CardJoinCheck" AS ENUM ('PIN', 'STAFF_APPROVAL', 'OFF');

-- CreateEnum
CREATE TYPE "PresenceProof" AS ENUM ('CODE', 'PIN', 'STAFF');

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "card_join_check" "CardJoinCheck" NOT NULL DEFAULT 'PIN';

-- AlterTable
-- Existing seatings get a PIN too (open ones need it from now on): four digits from 32 bits of
-- gen_random_uuid(), which PostgreSQL draws from its strong random source. New seatings get
-- theirs from the server (crypto.randomInt), hence no default afterwards.
ALTER TABLE "order_session" ADD COLUMN     "pin" CHAR(4) NOT NULL
  DEFAULT lpad(((('x' || substr(md5(gen_random_uuid()::text), 1, 8))::bit(32)::bigint) % 10000)::text, 4, '0'),
ADD COLUMN     "pin_failures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "order_session" ALTER COLUMN "pin" DROP DEFAULT;

-- AlterTable
ALTER TABLE "customer" ADD COLUMN     "pin_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verified_at" TIMESTAMP(3),
ADD COLUMN     "verified_by_id" UUID,
ADD COLUMN     "verified_how" "PresenceProof";

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Phones already at a table when this is deployed keep ordering: those that joined with the
-- seating's code proved presence that way; card joins from before the check existed are
-- counted as verified too (verified_how stays NULL: "before the check"), so no open table
-- breaks at deploy. Every location gets the PIN check (the column default): from now on a
-- new phone needs it.
UPDATE "customer" SET "verified_at" = "joined_at", "verified_how" = CASE WHEN "via" = 'CODE' THEN 'CODE'::"PresenceProof" END;
