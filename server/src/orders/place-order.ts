import { randomUUID } from "node:crypto";
import {
  ALLERGENS,
  type ChoosableProduct,
  centsText,
  choiceProblem,
  chosenOptions,
  conflictsOf,
  DECLARABLE_DIETS,
  hasConflicts,
  isServedAt,
  type LoggedEvent,
  type OrderDto,
  OrderDto as OrderDtoSchema,
  type PlaceOrderPayload,
  unitPriceOf,
  unmetDiets,
} from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { CustomerPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import {
  CLOCK,
  type Cte,
  cte,
  type Param,
  type Params,
  type Sql,
  type SqlRunner,
  sql,
  sqlStatements,
  statement,
  takes,
} from "../db/sql.js";
import { AppError } from "../errors.js";
import { PRODUCT_JSON } from "../products/product-dto.sql.js";
import { appendEvent, appendStatement } from "../session-log/session-log.js";
import { loadOrderDto, orderDtoPayload, orderDtoSelect } from "./order-dto.sql.js";
import { Offered, type PlacementMenu, type PlacementMenus } from "./placement-menus.js";

export interface PlaceOrderResult {
  order: OrderDto;
  /** The `order.placed` event, or null when this was a repeat of an order already stored. */
  event: LoggedEvent<"order.placed"> | null;
}

const REMOVED = z.strictObject({ removed: z.boolean(), unverified: z.boolean() });

/**
 * What the write says besides its event: whether it found the session open and the phone in
 * it and the menu at the version placement read it at (if not, nothing was written), and
 * the menu's version now.
 */
const WRITE_FOUND = {
  open: z.boolean(),
  menu_version: z.number().int().nullable(),
  /** The session was found (null: not) with its minute's order budget spent: nothing written. */
  limited: z.boolean().nullable(),
  /** Seconds until the budget's minute ends, when limited. */
  retry_after: z.number().int().nullable(),
  /** A line the guest did not confirm goes against their declared allergies or diets: nothing written. */
  conflicted: z.boolean().nullable(),
};

/** The table's order budget: at most `perMinute` orders stored per session per minute. */
export interface TableBudget {
  perMinute: number;
}

const BUDGET_WINDOW = sql`interval '60 seconds'`;

const SessionRead = z.strictObject({
  /** The phone, if it is one of this session's: removed by staff? */
  removed: z.boolean().nullable(),
  /** The phone has not proved it is at the table, and the location requires it. */
  unverified: z.boolean().nullable(),
  status: z.enum(["OPEN", "CLOSED"]),
  location_id: z.uuid(),
  currency: z.string(),
  time_zone: z.string(),
  menu_version: z.number().int(),
  existing: OrderDtoSchema.nullable(),
  products: z.array(Offered),
});

/**
 * A phone may order once it proved it is at the table (sessions/presence.ts), or when its
 * location's card check is OFF. `c` is the customer row and `l` its location's (UNVERIFIED
 * reads the location itself).
 */
const PRESENCE_OK = sql`(c.verified_at IS NOT NULL OR l.card_join_check = ${label("CardJoinCheck", "OFF")})`;
const UNVERIFIED = sql`NOT (c.verified_at IS NOT NULL OR (SELECT pl.card_join_check = ${label("CardJoinCheck", "OFF")}
  FROM order_session ps JOIN location pl ON pl.id = ps.location_id WHERE ps.id = c.session_id))`;

const presenceRequired = () =>
  new AppError(
    "PRESENCE_REQUIRED",
    "this phone joined through the table's card: type the table's PIN (staff show it) or wait until staff accept it, then order again",
  );

/**
 * The products ordered, as placement checks them (`Offered`), of the location of the
 * session `s` in the enclosing query.
 */
export function offeredProducts(productIds: Param<string[]>): Sql {
  return sql`(SELECT coalesce(json_agg(json_build_object('p', ${PRODUCT_JSON}, 'category_hidden', cat.hidden,
                     'available_from', cat.available_from, 'available_until', cat.available_until,
                     'station_id', cat.station_id, 'course_id', cat.default_course_id,
                     'tax_rate_bps', coalesce(tr.rate_bps, 0), 'tax_name', tr.name)), '[]')
            FROM product p JOIN category cat ON cat.id = p.category_id
              LEFT JOIN tax_rate tr ON tr.id = coalesce(p.tax_rate_id, cat.tax_rate_id)
            WHERE p.id = ANY(${productIds}::uuid[]) AND p.location_id = s.location_id)`;
}

/**
 * The session, the phone, an order already stored under this clientOrderId and the
 * products ordered, read afresh (placement's slow path).
 */
const READ_SESSION = statement<{ customerId: string; sessionId: string; clientOrderId: string; productIds: string[] }>(
  "orders.placement-read",
  (p) => sql`
    SELECT (SELECT c.removed_at IS NOT NULL FROM customer c WHERE c.id = ${p.customerId}::uuid AND c.session_id = s.id) AS removed,
           (SELECT ${UNVERIFIED} FROM customer c WHERE c.id = ${p.customerId}::uuid AND c.session_id = s.id) AS unverified,
           s.status, s.location_id, l.currency, l.time_zone, l.menu_version,
           (SELECT d.dto FROM (${orderDtoSelect()}
             WHERE o.session_id = ${p.sessionId}::uuid AND o.client_order_id = ${p.clientOrderId}) d) AS existing,
           ${offeredProducts(p.productIds)} AS products
    FROM order_session s JOIN location l ON l.id = s.location_id
    WHERE s.id = ${p.sessionId}::uuid`,
);

const READ_PHONE = statement<{ customerId: string }>(
  "orders.placement-phone",
  (p) => sql`SELECT c.removed_at IS NOT NULL AS removed, ${UNVERIFIED} AS unverified FROM customer c WHERE c.id = ${p.customerId}::uuid`,
);

/** How often placement reads the menu again when it changed under it before giving up (UNAVAILABLE: send again). */
export const MENU_READS = 3;

/**
 * Stores a customer's order exactly once, in one statement when the menu is in memory, and
 * no explicit transaction.
 *
 * - The menu: this instance's copy (PlacementMenus), or read with the session when it lacks
 *   a product ordered. The items are checked and priced against it in JavaScript: nothing
 *   the phone sends about prices is trusted.
 * - The write, one statement (so it is atomic on its own): lock the session row if it is
 *   still OPEN, of the phone's venue, with the phone not removed and present (verified, or
 *   its location's card check OFF: sessions/presence.ts; its row locked FOR SHARE, so a
 *   removal committed while this waited is seen), the location's menu_version still
 *   the one the items were checked against, and the table's order budget for the minute not
 *   spent (counted on that row: `budget`); insert the order and its items, and append
 *   `order.placed` to the session log with the order's DTO built from the rows just
 *   inserted. The lock orders placements against each other, against closing and against
 *   transitions (orders/transition.ts), re-checked after any wait: an order is either
 *   committed before its session closed, or refused. Its time is taken after the lock, so it
 *   is never after a close logged before it. The same clientOrderId racing in from two
 *   sockets meets the UNIQUE (session_id, client_order_id) index: ON CONFLICT DO NOTHING,
 *   and the loser returns the winner's order.
 * - When the write wrote nothing, or the copy refused an item (it may be older than the
 *   menu), placement reads the session, the phone, an order already stored under this
 *   clientOrderId and the products afresh, and answers from that (a removed phone gets its
 *   error, a repeat its order, a closed session, a phone not yet present (PRESENCE_REQUIRED)
 *   or an unavailable product their errors, in that order) or writes again, reading again while the menu keeps changing under it.
 *
 * A product that becomes unavailable between the check and the write is caught by
 * processing, which rejects the order with a reason the customer can read.
 */
export async function placeOrder(
  prisma: PrismaClient,
  menus: PlacementMenus,
  customer: CustomerPrincipal,
  input: PlaceOrderPayload,
  budget: TableBudget,
): Promise<PlaceOrderResult> {
  return sqlStatements(prisma, async (db) => {
    const ids = [...new Set(input.items.map((i) => i.productId))];
    const known = menus.lookup(customer.locationId, ids);
    const checked = known && lines(known, input, new Date(), { quiet: true });
    if (known && checked) {
      const written = await write(db, customer, input, known, checked, budget);
      if (written.event) return { order: written.event.payload, event: written.event };
      if (written.also.limited) return repeatOrLimited(db, customer, input, written.also.retry_after);
      if (written.also.open) {
        // The same clientOrderId was committed by a concurrent request first.
        const existing = await loadOrderDto(db, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
        if (existing) return repeatOf(existing, input);
      }
    }
    for (let read = 1; ; read++) {
      const session = await db.row(SessionRead, READ_SESSION, {
        customerId: customer.customerId,
        sessionId: customer.sessionId,
        clientOrderId: input.clientOrderId,
        productIds: ids,
      });
      // The phone's account check (what assertActiveCustomer does for other commands), here to save a round trip.
      if (!session || session.location_id !== customer.locationId || session.removed === null) {
        throw new AppError("UNAUTHENTICATED", "invalid token");
      }
      if (session.removed) throw removedError();
      if (session.existing) return repeatOf(session.existing, input);
      if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
      if (session.unverified) throw presenceRequired();
      const asRead = { version: session.menu_version, currency: session.currency, timeZone: session.time_zone };
      menus.remember(customer.locationId, { ...asRead, products: session.products });
      const menu = { ...asRead, products: new Map(session.products.map((o) => [o.p.id, o])) };
      const written = await write(db, customer, input, menu, lines(menu, input, new Date(), { quiet: false })!, budget);
      if (written.event) return { order: written.event.payload, event: written.event };
      if (written.also.conflicted) throw await allergyConflict(db, customer, input, menu);
      if (written.also.limited) return repeatOrLimited(db, customer, input, written.also.retry_after);
      // Nothing written. The same clientOrderId was committed by a concurrent request first
      // (ON CONFLICT), or the session closed since the read, perhaps just after that request
      // committed: either way, an order stored under this id is the answer to a repeat.
      const existing = await loadOrderDto(db, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
      if (existing) return repeatOf(existing, input);
      if (written.also.menu_version === menu.version) {
        const phone = await db.row(REMOVED, READ_PHONE, { customerId: customer.customerId });
        if (phone?.removed) throw removedError();
        // The location turned its card check on between the read and the write.
        if (phone?.unverified) throw presenceRequired();
        throw new AppError("SESSION_CLOSED", "this table's session is closed");
      }
      // The menu changed between the read and the write: check the items against it again.
      if (read >= MENU_READS) throw new AppError("UNAVAILABLE", "the menu changed while this order was placed; send it again");
    }
  });
}

/**
 * A repeat of a stored order's clientOrderId: the stored order, if the repeat asks for the
 * same lines (product, quantity, note and number of options, in order); another order
 * under a used id is a CONFLICT, never silently the first one.
 */
export function repeatOf(existing: OrderDto, input: { clientOrderId: string; items: readonly LineInput[] }): PlaceOrderResult {
  const same =
    existing.items.length === input.items.length &&
    existing.items.every((stored, i) => {
      const asked = input.items[i]!;
      return (
        stored.productId === asked.productId &&
        stored.quantity === asked.quantity &&
        stored.note === (asked.note || null) &&
        stored.options.length === (asked.options ?? []).length &&
        (asked.seat === undefined || stored.seat === asked.seat) &&
        (asked.courseId === undefined || stored.courseId === asked.courseId)
      );
    });
  if (!same) {
    throw new AppError("CONFLICT", `order ${input.clientOrderId} was already placed with other lines: a new order needs a new id`);
  }
  return { order: existing, event: null };
}

/** A line's unit price with its choices; the product's rules keep it at zero or more, and so does this check. */
function unitPriceWith(product: ChoosableProduct, chosen: readonly string[]): number {
  const unit = unitPriceOf(product, chosen);
  if (unit < 0) throw new AppError("VALIDATION_FAILED", `${product.name}: these choices would cost less than nothing`);
  return unit;
}

/**
 * The write found the table's budget spent. A repeat of an order stored earlier still gets
 * its order (sending it again must never fail for having been sent); anything else waits.
 */
async function repeatOrLimited(
  db: SqlRunner,
  customer: CustomerPrincipal,
  input: PlaceOrderPayload,
  retryAfter: number | null,
): Promise<PlaceOrderResult> {
  const existing = await loadOrderDto(db, { sessionId: customer.sessionId, clientOrderId: input.clientOrderId });
  if (existing) return repeatOf(existing, input);
  const seconds = Math.max(1, retryAfter ?? 60);
  throw new AppError("RATE_LIMITED", `too many orders at this table; try again in ${seconds}s`, seconds);
}

/** An order line as the write inserts it. */
export interface Line {
  productId: string;
  productName: string;
  unitPriceCents: number;
  quantity: number;
  note: string | null;
  options: string;
  allergens: string;
  stationId: string;
  seat: number | null;
  courseId: string | null;
  taxRateBps: number;
  taxName: string | null;
}

/** A line as `lines` reads it: a phone's, or a waiter's with a seat and a course. */
type LineInput = PlaceOrderPayload["items"][number] & { seat?: number | null; courseId?: string | null };

/**
 * The order's lines checked and priced against `menu`: each product on it, shown, served
 * now, available, with available options chosen by its groups' rules. Throws the first
 * problem as an AppError, or (`quiet`) returns undefined instead.
 */
export function lines(
  menu: PlacementMenu,
  input: { items: readonly LineInput[] },
  now: Date,
  { quiet }: { quiet: boolean },
): Line[] | undefined {
  try {
    const priced = input.items.map((item): Line => {
      const offered = menu.products.get(item.productId);
      if (!offered) throw new AppError("PRODUCT_UNAVAILABLE", `product ${item.productId} is not on this menu`);
      const { p: product } = offered;
      const chosen = item.options ?? [];
      if (product.archived || product.hidden || offered.category_hidden) {
        throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is not on the menu`);
      }
      const window = { availableFrom: offered.available_from, availableUntil: offered.available_until };
      if (!isServedAt(window, menu.timeZone, now)) {
        throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is served ${window.availableFrom}–${window.availableUntil}`);
      }
      if (!product.available) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name} is sold out`);
      const soldOut = product.optionGroups.flatMap((g) => g.options).find((o) => chosen.includes(o.id) && !o.available);
      if (soldOut) throw new AppError("PRODUCT_UNAVAILABLE", `${product.name}: ${soldOut.name} is sold out`);
      const problem = choiceProblem(product, chosen);
      if (problem) throw new AppError("VALIDATION_FAILED", problem);
      return {
        productId: product.id,
        productName: product.name,
        // The server's own prices: nothing the phone sends is trusted.
        unitPriceCents: unitPriceWith(product, chosen),
        quantity: item.quantity,
        note: item.note || null,
        options: JSON.stringify(chosenOptions(product, chosen)),
        allergens: JSON.stringify(product.allergens),
        stationId: offered.station_id,
        seat: item.seat ?? null,
        // A waiter's choice (checked to be the location's by enter-order), else the category's.
        courseId: item.courseId === undefined ? offered.course_id : item.courseId,
        // The rate it is sold at now (its own, else its category's), kept on the line like its price.
        taxRateBps: offered.tax_rate_bps,
        taxName: offered.tax_name,
      };
    });
    const changed = priced.flatMap((line, i) => {
      const shown = input.items[i]!.unitPriceCents;
      return shown === undefined || shown === line.unitPriceCents
        ? []
        : [`${line.productName} is ${centsText(line.unitPriceCents, menu.currency)} (shown ${centsText(shown, menu.currency)})`];
    });
    if (changed.length > 0) {
      throw new AppError(
        "PRICE_CHANGED",
        `prices changed since the menu was shown: ${changed.join("; ")}. Check the order and send it again`,
      );
    }
    return priced;
  } catch (err) {
    if (quiet && err instanceof AppError) return undefined;
    throw err;
  }
}

/** What an order's insert takes, whoever placed it: its id and lines, checked and priced. */
export interface OrderInsertParams {
  orderId: string;
  locationId: string;
  clientOrderId: string;
  totalCents: number;
  currency: string;
  productIds: string[];
  productNames: string[];
  unitPricesCents: number[];
  quantities: number[];
  notes: (string | null)[];
  options: string[];
  allergens: string[];
  stationIds: string[];
  seats: (number | null)[];
  courseIds: (string | null)[];
  taxRatesBps: number[];
  taxNames: (string | null)[];
}

interface WriteParams extends OrderInsertParams {
  sessionId: string;
  customerId: string;
  menuVersion: number;
  perMinute: number;
  /** What the lines the guest did not confirm contain, and the diets they do not meet (allergies.ts). */
  unconfirmedAllergens: string[];
  unconfirmedDiets: string[];
}

/** The insert's values of `lines` (one array per column, in order), and the provisional total. */
export function orderInsertValues(items: Line[]): Omit<OrderInsertParams, "orderId" | "locationId" | "clientOrderId" | "currency"> {
  return {
    // Provisional; the processing stage recomputes it from the same snapshots.
    totalCents: items.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
    productIds: items.map((i) => i.productId),
    productNames: items.map((i) => i.productName),
    unitPricesCents: items.map((i) => i.unitPriceCents),
    quantities: items.map((i) => i.quantity),
    notes: items.map((i) => i.note),
    options: items.map((i) => i.options),
    allergens: items.map((i) => i.allergens),
    stationIds: items.map((i) => i.stationId),
    seats: items.map((i) => i.seat),
    courseIds: items.map((i) => i.courseId),
    taxRatesBps: items.map((i) => i.taxRateBps),
    taxNames: items.map((i) => i.taxName),
  };
}

/**
 * The order's two inserts (the order, then its lines) from `session`, a CTE of the locked
 * open session row with the order's `number`, where `when` holds (a SQL condition on `os`):
 * the placement statements of phones (here) and of staff (enter-order.ts) share them.
 */
export function orderInserts(
  p: Params<OrderInsertParams>,
  session: Cte,
  by: { customerId: Sql; enteredById: Sql; when: Sql },
): { placed: Cte<"placed">; placedItems: Cte<"placed_items"> } {
  const placed = cte(
    "placed",
    sql`
        INSERT INTO "order" (id, session_id, location_id, customer_id, entered_by_id, client_order_id, number, status, total_cents, currency, placed_at, updated_at)
        SELECT ${p.orderId}::uuid, os.id, ${p.locationId}::uuid, ${by.customerId}, ${by.enteredById},
               ${p.clientOrderId}, os.number, ${label("OrderStatus", "PLACED")}, ${p.totalCents}, ${p.currency}, ${CLOCK}, ${CLOCK}
        FROM ${session.ref} os
        WHERE ${by.when}
        ON CONFLICT (session_id, client_order_id) DO NOTHING
        RETURNING *`,
  );
  const placedItems = cte(
    "placed_items",
    sql`
        INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, note, options, allergens, station_id, seat, course_id,
                                tax_rate_bps, tax_name)
        SELECT gen_random_uuid(), o.id, t.ord - 1, t.product_id, t.product_name, t.unit_price_cents, t.quantity, t.note,
               t.options::jsonb, ARRAY(SELECT jsonb_array_elements_text(t.allergens::jsonb)), t.station_id, t.seat, t.course_id,
               t.tax_rate_bps, t.tax_name
        FROM ${placed.ref} o, unnest(${p.productIds}::uuid[], ${p.productNames}::text[],
                    ${p.unitPricesCents}::int[], ${p.quantities}::int[],
                    ${p.notes}::text[], ${p.options}::text[], ${p.allergens}::text[],
                    ${p.stationIds}::uuid[], ${p.seats}::smallint[], ${p.courseIds}::uuid[],
                    ${p.taxRatesBps}::int[], ${p.taxNames}::text[])
             WITH ORDINALITY AS t(product_id, product_name, unit_price_cents, quantity, note, options, allergens, station_id, seat, course_id,
                                  tax_rate_bps, tax_name, ord)
        RETURNING *`,
  );
  return { placed, placedItems };
}

/** See `write`. */
const WRITE = appendStatement("orders.place", "order.placed", takes<WriteParams>(), (p) => {
  const openSession = cte(
    "open_session",
    sql`
        SELECT s.id, s.orders_placed + 1 AS number,
               coalesce(s.order_window_started_at > ${CLOCK} - ${BUDGET_WINDOW} AND s.order_window_count >= ${p.perMinute}, false) AS limited,
               ceil(extract(epoch FROM s.order_window_started_at + ${BUDGET_WINDOW} - ${CLOCK}))::int AS retry_after,
               EXISTS (SELECT 1 FROM allergy_declaration d WHERE d.session_id = s.id AND d.customer_id = c.id
                 AND (d.allergens && ${p.unconfirmedAllergens}::text[] OR d.diets && ${p.unconfirmedDiets}::text[])) AS conflicted
        FROM order_session s JOIN customer c ON c.session_id = s.id JOIN location l ON l.id = s.location_id
        WHERE s.id = ${p.sessionId}::uuid AND s.status = ${label("SessionStatus", "OPEN")} AND s.location_id = ${p.locationId}::uuid
          AND c.id = ${p.customerId}::uuid AND c.removed_at IS NULL AND ${PRESENCE_OK} AND l.menu_version = ${p.menuVersion}
        FOR NO KEY UPDATE OF s FOR SHARE OF c`,
    { materialized: true },
  );
  const { placed, placedItems } = orderInserts(p, openSession, {
    customerId: sql`${p.customerId}::uuid`,
    enteredById: sql`NULL::uuid`,
    when: sql`NOT os.limited AND NOT os.conflicted`,
  });
  return {
    sessionId: sql`${p.sessionId}::uuid`,
    writes: [openSession, placed, placedItems],
    payload: orderDtoPayload(sql`(SELECT id FROM ${placed.ref})`, { order: placed, items: placedItems }),
    // The stored order takes its number (read above under this row's lock, so placements at
    // one table number in turn; the update only runs when an order was inserted, so a repeat
    // or a refusal takes none) and counts against the minute's budget (a new minute starts with it).
    sessionSet: sql`
      orders_placed = orders_placed + 1,
      order_window_count = CASE WHEN order_window_started_at > ${CLOCK} - ${BUDGET_WINDOW} THEN order_window_count + 1 ELSE 1 END,
      order_window_started_at = CASE WHEN order_window_started_at > ${CLOCK} - ${BUDGET_WINDOW} THEN order_window_started_at ELSE ${CLOCK} END`,
    also: {
      columns: sql`EXISTS (SELECT 1 FROM ${openSession.ref}) AS open,
        (SELECT menu_version FROM location WHERE id = ${p.locationId}::uuid) AS menu_version,
        (SELECT limited FROM ${openSession.ref}) AS limited, (SELECT retry_after FROM ${openSession.ref}) AS retry_after,
        (SELECT conflicted FROM ${openSession.ref}) AS conflicted`,
      shape: WRITE_FOUND,
    },
  };
});

/**
 * The one write of a placement (see placeOrder). Nothing is written unless the session is
 * open, the phone's and in it, the location's menu still at `menu.version`, and the table's
 * budget for the minute not spent. The budget is counted on the session row, which the
 * write locks: a placement that waited for the lock sees the row as the one before it left
 * it, so concurrent placements at one table are counted exactly.
 */
function write(
  db: SqlRunner,
  customer: CustomerPrincipal,
  input: PlaceOrderPayload,
  menu: PlacementMenu,
  items: Line[],
  budget: TableBudget,
) {
  const unconfirmed = input.items.flatMap((item) => {
    const product = item.allergyConfirmed ? undefined : menu.products.get(item.productId)?.p;
    return product ? [product] : [];
  });
  return appendEvent(db, WRITE, {
    unconfirmedAllergens: [...new Set(unconfirmed.flatMap((p) => p.allergens))],
    unconfirmedDiets: [...new Set(unconfirmed.flatMap((p) => unmetDiets(p.tags)))],
    orderId: randomUUID(),
    sessionId: customer.sessionId,
    locationId: customer.locationId,
    customerId: customer.customerId,
    clientOrderId: input.clientOrderId,
    menuVersion: menu.version,
    perMinute: budget.perMinute,
    currency: menu.currency,
    ...orderInsertValues(items),
  });
}

const DECLARED = statement<{ customerId: string; sessionId: string }>(
  "orders.placement-declared",
  (p) => sql`SELECT d.allergens, d.diets FROM allergy_declaration d
    WHERE d.customer_id = ${p.customerId}::uuid AND d.session_id = ${p.sessionId}::uuid`,
);

/** ALLERGY_CONFLICT naming each unconfirmed line against the phone's declaration, and what it holds. */
async function allergyConflict(
  db: SqlRunner,
  customer: CustomerPrincipal,
  input: PlaceOrderPayload,
  menu: PlacementMenu,
): Promise<AppError> {
  const declared = await db.row(
    z.strictObject({ allergens: z.array(z.enum(ALLERGENS)), diets: z.array(z.enum(DECLARABLE_DIETS)) }),
    DECLARED,
    { customerId: customer.customerId, sessionId: customer.sessionId },
  );
  const problems = input.items.flatMap((item, i) => {
    const product = menu.products.get(item.productId)?.p;
    if (!product || item.allergyConfirmed || !declared) return [];
    const conflicts = conflictsOf({ ...declared, note: null }, product);
    if (!hasConflicts(conflicts)) return [];
    const what = [
      ...conflicts.allergens.map((a) => `contains ${a.toLowerCase()}`),
      ...conflicts.diets.map((d) => `not ${d.toLowerCase()}`),
    ];
    return [`items.${i}: ${product.name} ${what.join(", ")}`];
  });
  return new AppError(
    "ALLERGY_CONFLICT",
    `${problems.join("; ") || "a line goes against the allergies declared on this phone"}: confirm each such line (allergyConfirmed) to order it`,
  );
}
