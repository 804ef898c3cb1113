-- Order numbers per seating (issue 30 #17): given by the server when an order is placed and
-- never changed, so the panel, the kitchen display and the phone all call an order the same.

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "orders_placed" INTEGER NOT NULL DEFAULT 0;

-- AlterTable: nullable first, so orders stored before this migration can be numbered.
ALTER TABLE "order" ADD COLUMN     "number" INTEGER;

-- Existing orders get the numbers the panel showed them with: their place in the seating, oldest first.
UPDATE "order" o SET "number" = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY session_id ORDER BY placed_at, id)::int AS number FROM "order") n
WHERE n.id = o.id;

UPDATE "order_session" s SET "orders_placed" = c.placed
FROM (SELECT session_id, count(*)::int AS placed FROM "order" GROUP BY session_id) c
WHERE c.session_id = s.id;

ALTER TABLE "order" ALTER COLUMN "number" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "order_session_id_number_key" ON "order"("session_id", "number");
