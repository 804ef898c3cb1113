/**
 * What the waiting-time model (estimate-model.ts) reads: the location's preparation times learned
 * from its tickets of the last weeks, its stations' capacities, and the tickets being worked now.
 */
import { z } from "zod";
import { label } from "../db/enums.js";
import { CLOCK, type SqlRunner, sql, statement } from "../db/sql.js";
import type { PrepTimes, QueuedTicket } from "./estimate-model.js";

/** How far back tickets teach the model. */
const HISTORY = sql`interval '28 days'`;
/** Samples of the same hour of the day needed before they are preferred to all hours'. */
const HOUR_SAMPLES = 5;

// A ticket's lines: its station's and course's lines of its order, voided ones left out.
const LINES_OF_TICKET = sql`i.order_id = t.order_id AND i.station_id = t.station_id AND i.course_id IS NOT DISTINCT FROM t.course_id
  AND NOT EXISTS (SELECT 1 FROM correction c WHERE c.order_id = i.order_id AND c.position = i.position AND c.kind = ${label("CorrectionKind", "VOID")})`;

const DONE = sql`
  SELECT t.station_id, t.id AS ticket_id, extract(epoch FROM t.ready_at - t.started_at)::float8 AS secs,
         extract(epoch FROM t.started_at - coalesce(t.fired_at, t.created_at))::float8 AS delay,
         extract(hour FROM (t.started_at AT TIME ZONE 'UTC') AT TIME ZONE l.time_zone)::int = extract(hour FROM now() AT TIME ZONE l.time_zone)::int AS same_hour
  FROM ticket t JOIN station st ON st.id = t.station_id JOIN location l ON l.id = st.location_id`;

const ProductRow = z.strictObject({ station_id: z.uuid(), product_id: z.uuid(), secs: z.number() });
const PRODUCT_PREP = statement<{ locationId: string }>(
  "estimates.product-prep",
  (p) => sql`
    WITH done AS (${DONE}
      WHERE st.location_id = ${p.locationId}::uuid AND t.ready_at > t.started_at AND t.ready_at > ${CLOCK} - ${HISTORY}),
    per AS (
      SELECT d.station_id, i.product_id, d.secs, d.same_hour FROM done d JOIN ticket t ON t.id = d.ticket_id
      JOIN order_item i ON ${LINES_OF_TICKET})
    SELECT station_id, product_id,
      CASE WHEN count(*) FILTER (WHERE same_hour) >= ${HOUR_SAMPLES}
        THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) FILTER (WHERE same_hour)
        ELSE percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) END AS secs
    FROM per GROUP BY station_id, product_id`,
);

const StationRow = z.strictObject({ station_id: z.uuid(), prep: z.number(), delay: z.number() });
const STATION_PREP = statement<{ locationId: string }>(
  "estimates.station-prep",
  (p) => sql`
    WITH done AS (${DONE}
      WHERE st.location_id = ${p.locationId}::uuid AND t.ready_at > t.started_at AND t.ready_at > ${CLOCK} - ${HISTORY})
    SELECT st.id AS station_id,
      coalesce((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) FROM done WHERE done.station_id = st.id), -1)::float8 AS prep,
      coalesce((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(delay, 0)) FROM done WHERE done.station_id = st.id), 0)::float8 AS delay
    FROM station st WHERE st.location_id = ${p.locationId}::uuid`,
);

const CapacityRow = z.strictObject({ station_id: z.uuid(), capacity: z.number().int() });
const CAPACITIES = statement<{ locationId: string }>(
  "estimates.capacities",
  (p) => sql`SELECT id AS station_id, capacity FROM station WHERE location_id = ${p.locationId}::uuid AND capacity IS NOT NULL`,
);

/**
 * How long learned times are reused before they are read again (per process and location):
 * they move with weeks of tickets, and every phone of a busy venue asks for estimates, so each
 * ask reads only the queue and the capacities fresh.
 */
const LEARNED_FOR_MS = 60_000;
const learned = new Map<string, { at: number; prep: Promise<PrepTimes> }>();

async function readPrepTimes(db: SqlRunner, locationId: string): Promise<PrepTimes> {
  const [products, stations] = await Promise.all([
    db.rows(ProductRow, PRODUCT_PREP, { locationId }),
    db.rows(StationRow, STATION_PREP, { locationId }),
  ]);
  return {
    products: new Map(products.map((r) => [`${r.station_id}:${r.product_id}`, r.secs])),
    stations: new Map(stations.filter((s) => s.prep >= 0).map((s) => [s.station_id, { prepSeconds: s.prep, startDelaySeconds: s.delay }])),
  };
}

function prepTimes(db: SqlRunner, locationId: string): Promise<PrepTimes> {
  const now = Date.now();
  const cached = learned.get(locationId);
  if (cached && now - cached.at < LEARNED_FOR_MS) return cached.prep;
  const prep = readPrepTimes(db, locationId);
  learned.set(locationId, { at: now, prep });
  // A failed read is not kept: the next ask reads again.
  prep.catch(() => learned.delete(locationId));
  if (learned.size > 1000) learned.delete(learned.keys().next().value!);
  return prep;
}

const QueueRow = z.strictObject({
  id: z.uuid(),
  order_id: z.uuid(),
  session_id: z.uuid(),
  station_id: z.uuid(),
  status: z.enum(["NEW", "PREPARING", "READY"]),
  fired_ago: z.number().nullable(),
  started_ago: z.number().nullable(),
  lines: z.array(z.strictObject({ productId: z.uuid(), quantity: z.number().int() })),
});
// The tickets on the location's displays: accepted orders of open tables being prepared.
const QUEUE = statement<{ locationId: string }>(
  "estimates.queue",
  (p) => sql`
    SELECT t.id, t.order_id, o.session_id, t.station_id, t.status,
      extract(epoch FROM ${CLOCK} - t.fired_at)::float8 AS fired_ago,
      extract(epoch FROM ${CLOCK} - t.started_at)::float8 AS started_ago,
      coalesce((SELECT json_agg(json_build_object('productId', i.product_id, 'quantity', i.quantity) ORDER BY i.position)
        FROM order_item i WHERE ${LINES_OF_TICKET}), '[]') AS lines
    FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN order_session s ON s.id = o.session_id
    JOIN shipment sh ON sh.order_id = o.id
    WHERE o.location_id = ${p.locationId}::uuid AND o.status = ${label("OrderStatus", "ACCEPTED")}
      AND s.status = ${label("SessionStatus", "OPEN")}
      AND sh.status IN (${label("ShipmentStatus", "PREPARING")}, ${label("ShipmentStatus", "READY")})
    ORDER BY t.fired_at NULLS LAST, t.id`,
);

export interface Kitchen {
  prep: PrepTimes;
  capacities: Map<string, number>;
  queue: (QueuedTicket & { sessionId: string })[];
}

/** The model's inputs for a location now. */
export async function loadKitchenState(db: SqlRunner, locationId: string): Promise<Kitchen> {
  const [prep, capacities, queue] = await Promise.all([
    prepTimes(db, locationId),
    db.rows(CapacityRow, CAPACITIES, { locationId }),
    db.rows(QueueRow, QUEUE, { locationId }),
  ]);
  return {
    prep,
    capacities: new Map(capacities.map((s) => [s.station_id, s.capacity])),
    queue: queue.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      sessionId: r.session_id,
      stationId: r.station_id,
      status: r.status,
      firedAgo: r.fired_ago,
      startedAgo: r.started_ago,
      lines: r.lines,
    })),
  };
}
