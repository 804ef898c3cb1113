-- The table's order budget (ORDER_RATE_PER_SESSION orders a minute; issue 16): placement
-- counts it on the session row it already locks (server/src/orders/place-order.ts), so an
-- order no longer needs a round trip to Redis first, and concurrent placements at one table
-- are counted exactly (each sees the row as the one before it left it).

-- AlterTable
ALTER TABLE "order_session" ADD COLUMN     "order_window_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "order_window_started_at" TIMESTAMP(3);
