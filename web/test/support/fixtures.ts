import {
  AlertDto,
  billOf,
  CategoryDto,
  CustomerDto,
  LocationDto,
  type MenuResponse,
  OptionGroupDto,
  OrderDto,
  PaymentDto,
  ProductDto,
  ReceiptDto,
  SessionDto,
  type SessionEvent,
  TicketDto,
} from "@ordered/contract";

/** Deterministic UUIDs: `id(1)`, `id(2)`… */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const SESSION = id(1);
export const OTHER_SESSION = id(2);
/** The stations of the fixtures' location: Kitchen and Bar. */
export const KITCHEN = id(800);
export const BAR = id(801);
export const AT = "2026-11-21T12:00:00.000Z";

/** A session as the REST API sends it; parsed with the contract so fixtures cannot drift. */
export function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return SessionDto.parse({
    id: SESSION,
    label: "Table 1",
    status: "OPEN",
    joinCode: "code",
    joinUrl: "http://127.0.0.1/s/code",
    openedAt: AT,
    closedAt: null,
    lastSeq: 1,
    tableId: null,
    pin: "0427",
    serviceChargeBps: 0,
    ...overrides,
  });
}

/** A placed order; pass `stage` for a later copy of it. */
export function order(
  n: number,
  stage: "placed" | "accepted" | "preparing" | "ready" | "delivered" | "cancelled" = "placed",
  overrides: Partial<OrderDto> = {},
): OrderDto {
  const shipment = { preparing: "PREPARING", ready: "READY", delivered: "DELIVERED" } as const;
  const status = {
    placed: "PLACED",
    accepted: "ACCEPTED",
    preparing: "ACCEPTED",
    ready: "ACCEPTED",
    delivered: "DELIVERED",
    cancelled: "CANCELLED",
  } as const;
  const ship = stage in shipment ? shipment[stage as keyof typeof shipment] : null;
  return OrderDto.parse({
    id: id(100 + n),
    clientOrderId: `client-order-${n}`,
    number: n,
    sessionId: SESSION,
    customerId: null,
    customerName: null,
    enteredBy: null,
    status: status[stage],
    statusReason: stage === "cancelled" ? "Cancelled by staff" : null,
    totalCents: 950,
    currency: "EUR",
    placedAt: `2026-11-21T12:00:${String(n).padStart(2, "0")}.000Z`,
    acceptedAt: stage === "placed" ? null : AT,
    finishedAt: stage === "delivered" || stage === "cancelled" ? AT : null,
    items: [
      {
        position: 0,
        productId: id(900),
        productName: "Margherita",
        unitPriceCents: 950,
        quantity: 1,
        note: null,
        options: [],
        allergens: [],
        stationId: KITCHEN,
        seat: null,
        courseId: null,
        corrections: [],
      },
    ],
    shipment: ship ? { status: ship, readyAt: ship === "PREPARING" ? null : AT, deliveredAt: ship === "DELIVERED" ? AT : null } : null,
    tickets: [],
    cancelledBy: stage === "cancelled" ? "Ann Staff" : null,
    ...overrides,
  });
}

/** Ticket n (the Kitchen's part of an order, NEW) unless overridden. */
export function ticket(n: number, overrides: Partial<TicketDto> = {}): TicketDto {
  return TicketDto.parse({
    id: id(1100 + n),
    stationId: KITCHEN,
    station: "Kitchen",
    status: "NEW",
    createdAt: AT,
    startedAt: null,
    readyAt: null,
    movedAt: AT,
    courseId: null,
    course: null,
    ...overrides,
    // Fired when it was made unless said otherwise (null: its course is held).
    firedAt: "firedAt" in overrides ? overrides.firedAt : (overrides.createdAt ?? AT),
  });
}

const envelope = (seq: number, sessionId: string) => ({ sessionId, seq, at: AT });

export const placed = (seq: number, o: OrderDto): SessionEvent => ({ name: "order:placed", ...envelope(seq, o.sessionId), data: o });
export const updated = (seq: number, o: OrderDto): SessionEvent => ({ name: "order:updated", ...envelope(seq, o.sessionId), data: o });
export const opened = (seq: number, s: SessionDto): SessionEvent => ({ name: "session:opened", ...envelope(seq, s.id), data: s });
export const closed = (seq: number, sessionId = SESSION, r: ReceiptDto = receipt({ sessionId })): SessionEvent => ({
  name: "session:closed",
  ...envelope(seq, sessionId),
  data: { closedAt: r.closedAt, receipt: r },
});
export const joined = (seq: number, c: CustomerDto, sessionId = SESSION): SessionEvent => ({
  name: "customer:joined",
  ...envelope(seq, sessionId),
  data: c,
});
export const verified = (seq: number, c: CustomerDto, sessionId = SESSION): SessionEvent => ({
  name: "customer:verified",
  ...envelope(seq, sessionId),
  data: c,
});
export const removed = (seq: number, customerId: string, sessionId = SESSION): SessionEvent => ({
  name: "customer:removed",
  ...envelope(seq, sessionId),
  data: { customerId, removedAt: AT },
});
export const raised = (seq: number, a: AlertDto): SessionEvent => ({ name: "alert:raised", ...envelope(seq, a.sessionId), data: a });
export const acknowledged = (seq: number, a: AlertDto): SessionEvent => ({
  name: "alert:acknowledged",
  ...envelope(seq, a.sessionId),
  data: a,
});
export const paid = (seq: number, p: PaymentDto): SessionEvent => ({ name: "payment:recorded", ...envelope(seq, p.sessionId), data: p });

export function location(overrides: Partial<LocationDto> = {}): LocationDto {
  return LocationDto.parse({
    id: id(500),
    name: "Trattoria",
    currency: "EUR",
    openOnFirstScan: false,
    cardJoinCheck: "PIN",
    timeZone: "Europe/Rome",
    ticketAmberMinutes: 10,
    ticketRedMinutes: 20,
    serviceChargeBps: 0,
    ...overrides,
  });
}

/** Phone n of the session. */
export function customer(n: number, overrides: Partial<CustomerDto> = {}): CustomerDto {
  return CustomerDto.parse({
    id: id(200 + n),
    displayName: `Guest ${n}`,
    joinedAt: AT,
    via: "CODE",
    removedAt: null,
    verifiedAt: AT,
    verifiedHow: "CODE",
    verifiedBy: null,
    pinFailures: 0,
    ...overrides,
  });
}

/** Call n, raised by phone 1 unless overridden; `acknowledgedBy` makes it acknowledged. */
export function alert(n: number, overrides: Partial<AlertDto> = {}): AlertDto {
  return AlertDto.parse({
    id: id(300 + n),
    sessionId: SESSION,
    kind: "WAITER",
    customerId: id(201),
    customerName: "Guest 1",
    raisedAt: `2026-11-21T12:01:${String(n).padStart(2, "0")}.000Z`,
    acknowledgedAt: overrides.acknowledgedBy ? AT : null,
    acknowledgedBy: null,
    ...overrides,
  });
}

/** Payment n against the table as a whole, unless overridden. */
export function payment(n: number, amountCents: number, overrides: Partial<PaymentDto> = {}): PaymentDto {
  return PaymentDto.parse({
    id: id(400 + n),
    clientPaymentId: `client-payment-${n}`,
    kind: "PAYMENT",
    sessionId: SESSION,
    method: "CARD",
    amountCents,
    tipCents: 0,
    customerId: null,
    note: null,
    payer: null,
    recordedAt: `2026-11-21T12:30:${String(n).padStart(2, "0")}.000Z`,
    recordedBy: "Marco",
    ...overrides,
  });
}

/** A closed session's receipt, its bill computed from `orders` and `payments` as the server does. */
export function receipt(
  overrides: Partial<ReceiptDto> & { orders?: OrderDto[]; payments?: PaymentDto[]; customers?: CustomerDto[] } = {},
): ReceiptDto {
  const { orders = [], payments = [], customers = [], ...rest } = overrides;
  return ReceiptDto.parse({
    sessionId: SESSION,
    label: "Table 1",
    location: location(),
    openedAt: AT,
    closedAt: AT,
    openedBy: "Marco",
    closedBy: "Marco",
    bill: billOf({ currency: "EUR", orders, payments, customers }),
    payments,
    waiveReason: null,
    ...rest,
  });
}

/** Category n of the menu (position n), served all day unless overridden. */
export function category(n: number, overrides: Partial<CategoryDto> = {}): CategoryDto {
  return CategoryDto.parse({
    id: id(600 + n),
    name: `Category ${n}`,
    description: "",
    position: n,
    stationId: KITCHEN,
    courseId: null,
    hidden: false,
    availableFrom: null,
    availableUntil: null,
    ...overrides,
  });
}

/** Product n (in category 1 unless overridden): €9.50, available, no options. */
export function product(n: number, overrides: Partial<ProductDto> = {}): ProductDto {
  return ProductDto.parse({
    id: id(900 + n),
    name: `Product ${n}`,
    description: "",
    categoryId: id(601),
    category: "Category 1",
    priceCents: 950,
    currency: "EUR",
    available: true,
    stock: null,
    hidden: false,
    archived: false,
    version: 1,
    allergens: [],
    tags: [],
    photo: null,
    optionGroups: [],
    ...overrides,
  });
}

/**
 * An option group; options are [name, priceDeltaCents, available?] and get ids from `firstId`
 * on (`id(firstId)`, `id(firstId + 1)`…).
 */
export function optionGroup(
  n: number,
  name: string,
  [minChoices, maxChoices]: [number, number],
  options: [string, number, boolean?][],
  firstId = 1000 + n * 20,
): OptionGroupDto {
  return OptionGroupDto.parse({
    id: id(700 + n),
    name,
    minChoices,
    maxChoices,
    options: options.map(([optionName, priceDeltaCents, available = true], i) => ({
      id: id(firstId + i),
      name: optionName,
      priceDeltaCents,
      available,
    })),
  });
}

/** A pizza with a required size (Small 0, Large +300) and up to 3 extras (Bacon +150, Extra cheese +100, Basil 0). */
export function pizza(n = 1, overrides: Partial<ProductDto> = {}): ProductDto {
  return product(n, {
    name: "Pizza",
    priceCents: 900,
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
    optionGroups: [
      optionGroup(
        1,
        "Size",
        [1, 1],
        [
          ["Small", 0],
          ["Large", 300],
        ],
      ),
      optionGroup(
        2,
        "Extras",
        [0, 3],
        [
          ["Bacon", 150],
          ["Extra cheese", 100],
          ["Basil", 0],
        ],
      ),
    ],
    ...overrides,
  });
}

/** What GET /api/menu answers. */
export function menu(categories: CategoryDto[], products: ProductDto[], timeZone = "Europe/Rome"): MenuResponse {
  return { categories, products, timeZone, menuLanguage: "en" };
}
