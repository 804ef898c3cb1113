/** What each REST endpoint answers on success (errors are `{ error: ErrorBody }`). */
import type {
  AlertDto,
  CategoryDto,
  CustomerDto,
  CustomerSessionDto,
  KitchenOrderDto,
  KitchenSessionDto,
  LocationDto,
  OrderDto,
  PaymentDto,
  ProductDto,
  QrDto,
  ReceiptDto,
  SessionDto,
  SessionSummaryDto,
  SetupLinkDto,
  StaffAccountDto,
  StaffDto,
  StationDto,
  TableDto,
} from "./dto.js";

/** POST /api/auth/login */
export interface LoginResponse {
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  staff: StaffDto;
  /** Login only: proof that this device logged in with this email; send it with the next logins (LoginBody.deviceToken). */
  deviceToken?: string;
}

/** GET /api/staff */
export interface StaffListResponse {
  staff: StaffAccountDto[];
}

/**
 * POST /api/staff, PATCH /api/staff/:id, POST /api/staff/:id/reset-password. A new account
 * and a reset come with the one-time link that sets the password (shown to whoever made it).
 */
export interface StaffAccountResponse {
  staff: StaffAccountDto;
  setupLink?: SetupLinkDto;
}

/** GET /api/auth/setup?token=: whose link it is, before they choose a password. */
export interface SetupInfoResponse {
  email: string;
  displayName: string;
  locationName: string;
  expiresAt: string;
}

/** GET /api/stations, POST/PATCH/DELETE … */
export interface StationListResponse {
  stations: StationDto[];
}

export interface StationResponse {
  station: StationDto;
}

/**
 * GET /api/kitchen: what a kitchen display starts from. The open sessions (with their log
 * number, the socket's cursors) and their orders being prepared (ACCEPTED, with tickets);
 * live from there through the socket like the panel.
 */
export interface KitchenResponse {
  stations: StationDto[];
  sessions: KitchenSessionDto[];
  /** Kitchen copies (kitchenOrderOf): the same fields the display's socket events carry. */
  orders: KitchenOrderDto[];
}

/** GET /api/auth/me */
export interface MeResponse {
  staff: StaffDto;
}

/** GET /api/sessions */
export interface SessionListResponse {
  sessions: SessionSummaryDto[];
}

/** POST /api/sessions */
export interface OpenSessionResponse {
  session: SessionDto;
  qr: QrDto;
}

/** What a seating holds besides its orders: its phones, their calls, its payments. */
export interface SessionExtras {
  customers: CustomerDto[];
  alerts: AlertDto[];
  payments: PaymentDto[];
}

/** GET /api/sessions/:id (qr: null once closed; receipt: null while open) */
export interface SessionDetailResponse extends SessionExtras {
  session: SessionDto;
  orders: OrderDto[];
  qr: QrDto | null;
  receipt: ReceiptDto | null;
}

/** POST /api/sessions/:id/payments */
export interface PaymentResponse {
  payment: PaymentDto;
}

/**
 * POST /api/sessions/:id/customers/:customerId/remove: the phone, and the seating with its new
 * join code and PIN (the old ones no longer work) and its new QR.
 */
export interface RemoveCustomerResponse {
  customer: CustomerDto;
  session: SessionDto;
  qr: QrDto;
}

/** POST /api/sessions/:id/customers/:customerId/accept (staff) and POST /api/sessions/verify (the phone, with the PIN) */
export interface VerifyCustomerResponse {
  customer: CustomerDto;
}

/** GET /api/sessions/receipt (a customer token, also once its seating closed) */
export interface ReceiptResponse {
  receipt: ReceiptDto;
}

/** GET /api/cards/:cardCode (no token): what a phone shows before it joins through a table's card */
export interface CardInfoResponse {
  tableName: string;
  location: LocationDto;
  /** The table has an open seating to join. */
  seated: boolean;
}

/** GET /api/sessions/code/:joinCode (no token): what a phone shows before joining with a seating's own QR */
export interface CodeInfoResponse {
  /** The seating's label, e.g. the table's name. */
  label: string;
  location: LocationDto;
}

/** POST /api/sessions/:id/close */
export interface CloseSessionResponse {
  session: SessionDto;
  receipt: ReceiptDto;
}

/** GET /api/location, PATCH /api/location */
export interface LocationResponse {
  location: LocationDto;
}

/** GET /api/tables/cards: every card of the location's tables in use, for the print sheet */
export interface TableCardsResponse {
  location: LocationDto;
  cards: { table: TableDto; svg: string }[];
}

/**
 * POST /api/sessions/join: the token, and everything the phone's table screen needs at once
 * (the table as GET /sessions/current gives it, and the menu as GET /menu gives it), so a
 * guest's tap is one round trip from the menu on a slow phone network.
 */
export type JoinResponse = CurrentSessionResponse & {
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  menu: MenuResponse;
};

/** GET /api/sessions/current: what the phone shows of its table, live from here on. */
export type CurrentSessionResponse = CustomerSessionDto & {
  orders: OrderDto[];
  /** Everything paid so far (the running bill) and this phone's own calls. */
  payments: PaymentDto[];
  alerts: AlertDto[];
};

/** GET /api/tables, PUT /api/tables/order */
export interface TableListResponse {
  tables: TableDto[];
}

/** POST /api/tables, PATCH /api/tables/:id, POST /api/tables/:id/retire */
export interface TableResponse {
  table: TableDto;
}

/** GET /api/products (the staff's: every product not archived; ?archived=include for all) */
export interface ProductListResponse {
  products: ProductDto[];
}

/** GET /api/menu (a phone's: visible categories in order, their visible products) */
export interface MenuResponse {
  categories: CategoryDto[];
  products: ProductDto[];
  /** The location's time zone, for the categories' service windows. */
  timeZone: string;
}

/** GET /api/categories, PUT /api/categories/order */
export interface CategoryListResponse {
  categories: CategoryDto[];
}

/** POST /api/categories, PATCH /api/categories/:id */
export interface CategoryResponse {
  category: CategoryDto;
}

/** POST /api/products, PATCH /api/products/:id, PUT /api/products/:id/availability */
export interface ProductResponse {
  product: ProductDto;
}

/** GET /api/orders/:id, POST /api/orders/:id/advance, POST /api/orders/:id/cancel */
export interface OrderResponse {
  order: OrderDto;
}

/** How many orders there are by what happened to them; `accepted` counts every order ever accepted. */
export interface OrderCountsDto {
  placed: number;
  accepted: number;
  rejected: number;
  delivered: number;
  cancelled: number;
  failed: number;
}

/** GET /api/stats/daily */
export interface DailyStatsResponse {
  date: string;
  timeZone: string;
  currency: string;
  orders: OrderCountsDto;
  /** Sum of the totals of orders that were accepted and not cancelled. */
  revenueCents: number;
  /** Over the same orders; null when there are none. */
  averageOrderValueCents: number | null;
  /** Over delivered orders; null when there are none. */
  averagePlacedToDeliveredSeconds: number | null;
  /** Money that did not come in, or went back out, that day: each with who, when and why. */
  adjustments: MoneyAdjustmentDto[];
  /** Sums of `adjustments` per kind. */
  voidedCents: number;
  waivedCents: number;
  refundedCents: number;
}

/**
 * VOID: an order cancelled after the kitchen accepted it (its total); WAIVE: what a seating's
 * close let go unpaid; REFUND: money given back. Dated by when it happened, in the day's time zone.
 */
export interface MoneyAdjustmentDto {
  kind: "VOID" | "WAIVE" | "REFUND";
  sessionId: string;
  /** The seating's label ("Table 4"). */
  label: string;
  amountCents: number;
  reason: string | null;
  /** The staff member's name, or null when nobody is recorded. */
  by: string | null;
  at: string;
}

/** GET /api/health (200 when both are up, 503 otherwise) */
export interface HealthResponse {
  status: "ok" | "degraded";
  postgres: "up" | "down";
  redis: "up" | "down";
}
