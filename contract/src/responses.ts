/**
 * What each REST endpoint answers on success (errors are `{ error: ErrorBody }`), as zod
 * schemas; the types are inferred. Which route answers which is in routes.ts. Strict objects,
 * like the DTOs: the server checks every answer against these in its tests (http/routes.ts).
 */
import { z } from "zod";
import { DayCloseDto, DayReportDto, RangeReportDto } from "./day-report.js";
import {
  AlertDto,
  AllergyDeclarationDto,
  BillClaimDto,
  CategoryDto,
  CheckoutDto,
  CorrectionDto,
  CourseDto,
  CustomerDto,
  CustomerSessionDto,
  KitchenOrderDto,
  KitchenSessionDto,
  LocationDto,
  OrderDto,
  OrderEstimateDto,
  PaymentAccountDto,
  PaymentDto,
  PrinterDto,
  PrinterHealthDto,
  PrinterStatusDto,
  PrintJobDto,
  ProductDto,
  QrDto,
  ReceiptDto,
  ReceiptMailDto,
  SessionAllergiesDto,
  SessionDto,
  SessionSummaryDto,
  SetupLinkDto,
  StaffAccountDto,
  StaffDto,
  StationDto,
  TableDto,
  TaxRateDto,
} from "./dto.js";
import { ERROR_CODES, type ErrorCode } from "./errors.js";
import { MENU_LANGUAGES } from "./menu-language.js";

const time = z.iso.datetime();

/** POST /api/auth/login, POST /api/auth/setup, POST /api/auth/password */
export const LoginResponse = z.strictObject({
  token: z.string(),
  /** Seconds until the token expires. */
  expiresIn: z.number().int(),
  staff: StaffDto,
  /** Login only: proof that this device logged in with this email; send it with the next logins (LoginBody.deviceToken). */
  deviceToken: z.string().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** GET /api/staff */
export const StaffListResponse = z.strictObject({ staff: z.array(StaffAccountDto) });
export type StaffListResponse = z.infer<typeof StaffListResponse>;

/**
 * POST /api/staff, PATCH /api/staff/:id, POST /api/staff/:id/reset-password. A new account
 * and a reset come with the one-time link that sets the password (shown to whoever made it).
 */
export const StaffAccountResponse = z.strictObject({ staff: StaffAccountDto, setupLink: SetupLinkDto.optional() });
export type StaffAccountResponse = z.infer<typeof StaffAccountResponse>;

/** GET /api/auth/setup?token=: whose link it is, before they choose a password. */
export const SetupInfoResponse = z.strictObject({
  email: z.string(),
  displayName: z.string(),
  locationName: z.string(),
  expiresAt: time,
});
export type SetupInfoResponse = z.infer<typeof SetupInfoResponse>;

/** GET /api/stations */
export const StationListResponse = z.strictObject({ stations: z.array(StationDto) });
export type StationListResponse = z.infer<typeof StationListResponse>;

/** POST /api/stations, PATCH /api/stations/:id */
export const StationResponse = z.strictObject({ station: StationDto });
export type StationResponse = z.infer<typeof StationResponse>;

/** GET /api/courses */
export const CourseListResponse = z.strictObject({ courses: z.array(CourseDto) });
export type CourseListResponse = z.infer<typeof CourseListResponse>;

/** POST /api/courses, PATCH /api/courses/:id */
export const CourseResponse = z.strictObject({ course: CourseDto });
export type CourseResponse = z.infer<typeof CourseResponse>;

/** GET /api/tax-rates */
export const TaxRateListResponse = z.strictObject({ taxRates: z.array(TaxRateDto) });
export type TaxRateListResponse = z.infer<typeof TaxRateListResponse>;

/** POST /api/tax-rates, PATCH /api/tax-rates/:id */
export const TaxRateResponse = z.strictObject({ taxRate: TaxRateDto });
export type TaxRateResponse = z.infer<typeof TaxRateResponse>;

/**
 * GET /api/kitchen: what a kitchen display starts from. The open sessions (with their log
 * number, the socket's cursors) and their orders being prepared (ACCEPTED, with tickets);
 * live from there through the socket like the panel.
 */
export const KitchenResponse = z.strictObject({
  stations: z.array(StationDto),
  sessions: z.array(KitchenSessionDto),
  /** Kitchen copies (kitchenOrderOf): the same fields the display's socket events carry. */
  orders: z.array(KitchenOrderDto),
});
export type KitchenResponse = z.infer<typeof KitchenResponse>;

/** GET /api/auth/me */
export const MeResponse = z.strictObject({ staff: StaffDto });
export type MeResponse = z.infer<typeof MeResponse>;

/** GET /api/sessions */
export const SessionListResponse = z.strictObject({ sessions: z.array(SessionSummaryDto) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

/** POST /api/sessions */
export const OpenSessionResponse = z.strictObject({ session: SessionDto, qr: QrDto });
export type OpenSessionResponse = z.infer<typeof OpenSessionResponse>;

/** What a session holds besides its orders: its phones, their calls, its payments. */
const sessionExtras = {
  customers: z.array(CustomerDto),
  alerts: z.array(AlertDto),
  payments: z.array(PaymentDto),
  /** Who pays which bill lines (split by item). */
  claims: z.array(BillClaimDto),
  /** Its discounts of the whole bill (a line's corrections ride on its order's item). */
  discounts: z.array(CorrectionDto),
};
export type SessionExtras = z.infer<z.ZodObject<typeof sessionExtras>>;

/** GET /api/sessions/:id (qr: null once closed; receipt: null while open) */
export const SessionDetailResponse = z.strictObject({
  session: SessionDto,
  orders: z.array(OrderDto),
  ...sessionExtras,
  qr: QrDto.nullable(),
  receipt: ReceiptDto.nullable(),
});
export type SessionDetailResponse = z.infer<typeof SessionDetailResponse>;

/** POST /api/sessions/:id/claims: the line's claims as they are now; `changed` false: they were so already. */
export const ClaimsResponse = z.strictObject({ claims: z.array(BillClaimDto), changed: z.boolean() });
export type ClaimsResponse = z.infer<typeof ClaimsResponse>;
/**
 * POST /api/sessions/:id/corrections: the correction, and the line's order as it is now (null
 * for a discount of the whole bill).
 */
export const CorrectionResponse = z.strictObject({ correction: CorrectionDto, order: OrderDto.nullable() });
export type CorrectionResponse = z.infer<typeof CorrectionResponse>;

/** POST /api/sessions/:id/payments */
export const PaymentResponse = z.strictObject({ payment: PaymentDto });
export type PaymentResponse = z.infer<typeof PaymentResponse>;

/** POST /api/sessions/checkout and GET /api/sessions/checkouts/:clientPaymentId: the phone's payment on the provider. */
export const CheckoutResponse = z.strictObject({ checkout: CheckoutDto });
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

/** GET/PUT /api/payments/account: the location's provider account (null: none), and where its webhooks must point. */
export const PaymentAccountResponse = z.strictObject({
  account: PaymentAccountDto.nullable(),
  /** The URL to give the provider's webhook endpoint (Stripe: checkout.session.* events). */
  webhookUrl: z.string(),
});
export type PaymentAccountResponse = z.infer<typeof PaymentAccountResponse>;

/** POST /api/payments/webhook/stripe/:locationId: the event was verified and applied (or is of no interest). */
export const WebhookResponse = z.strictObject({ received: z.literal(true) });
export type WebhookResponse = z.infer<typeof WebhookResponse>;

/**
 * POST /api/sessions/:id/customers/:customerId/remove: the phone, and the session with its new
 * join code and PIN (the old ones no longer work) and its new QR.
 */
export const RemoveCustomerResponse = z.strictObject({ customer: CustomerDto, session: SessionDto, qr: QrDto });
export type RemoveCustomerResponse = z.infer<typeof RemoveCustomerResponse>;

/** POST /api/sessions/:id/customers/:customerId/accept (staff) and POST /api/sessions/verify (the phone, with the PIN) */
export const VerifyCustomerResponse = z.strictObject({ customer: CustomerDto });
export type VerifyCustomerResponse = z.infer<typeof VerifyCustomerResponse>;

/** GET /api/sessions/receipt (a customer token, also once its session closed) */
export const ReceiptResponse = z.strictObject({ receipt: ReceiptDto });
export type ReceiptResponse = z.infer<typeof ReceiptResponse>;

/** POST …/receipt/mail: the mail sent (201), or the one this clientMailId sent before (200). */
export const ReceiptMailResponse = z.strictObject({ mail: ReceiptMailDto });
export type ReceiptMailResponse = z.infer<typeof ReceiptMailResponse>;

/** GET /api/receipt-mail: whether this server mails receipts (SMTP_URL and MAIL_FROM set); the apps show the button only then. */
export const ReceiptMailStatusResponse = z.strictObject({ enabled: z.boolean() });
export type ReceiptMailStatusResponse = z.infer<typeof ReceiptMailStatusResponse>;

/** GET /api/cards/:cardCode (no token): what a phone shows before it joins through a table's card */
export const CardInfoResponse = z.strictObject({
  tableName: z.string(),
  location: LocationDto,
  /** The table has an open session to join. */
  seated: z.boolean(),
});
export type CardInfoResponse = z.infer<typeof CardInfoResponse>;

/**
 * GET /api/cards/:cardCode/seated (no token): a phone waiting at a free table's card, answered as
 * soon as staff seat the table, or "not yet" after the server's hold (CARD_WAIT_MS); nothing else.
 */
export const CardSeatedResponse = z.strictObject({ seated: z.boolean() });
export type CardSeatedResponse = z.infer<typeof CardSeatedResponse>;

/** GET /api/sessions/code/:joinCode (no token): what a phone shows before joining with a session's own QR */
export const CodeInfoResponse = z.strictObject({
  /** The session's label, e.g. the table's name. */
  label: z.string(),
  location: LocationDto,
});
export type CodeInfoResponse = z.infer<typeof CodeInfoResponse>;

/** POST /api/sessions/:id/close */
export const CloseSessionResponse = z.strictObject({ session: SessionDto, receipt: ReceiptDto });

/** POST /api/sessions/:id/move */
export const MoveSessionResponse = z.strictObject({ session: SessionDto });
export type MoveSessionResponse = z.infer<typeof MoveSessionResponse>;

/** POST /api/sessions/:id/merge: the session that took everything, and the merged one (closed). */
export const MergeSessionResponse = z.strictObject({ session: SessionDto, merged: SessionDto });
export type MergeSessionResponse = z.infer<typeof MergeSessionResponse>;

/** POST /api/sessions/:id/split: the session split, and the new one. */
export const SplitSessionResponse = z.strictObject({ session: SessionDto, split: SessionDto });
export type SplitSessionResponse = z.infer<typeof SplitSessionResponse>;

/** POST /api/sessions/:id/move-lines: the order the lines left (marked) and the order they make in the other session. */
export const MoveLinesResponse = z.strictObject({ from: OrderDto, to: OrderDto });
export type MoveLinesResponse = z.infer<typeof MoveLinesResponse>;

/** POST /api/sessions/follow */
export const FollowSessionResponse = z.strictObject({
  token: z.string(),
  /** Seconds until the token expires. */
  expiresIn: z.number().int(),
});
export type FollowSessionResponse = z.infer<typeof FollowSessionResponse>;
export type CloseSessionResponse = z.infer<typeof CloseSessionResponse>;

/** GET /api/location, PATCH /api/location */
export const LocationResponse = z.strictObject({ location: LocationDto });
export type LocationResponse = z.infer<typeof LocationResponse>;

/** GET /api/tables/cards: every card of the location's tables in use, for the print sheet */
export const TableCardsResponse = z.strictObject({
  location: LocationDto,
  cards: z.array(z.strictObject({ table: TableDto, svg: z.string() })),
});
export type TableCardsResponse = z.infer<typeof TableCardsResponse>;

/** GET /api/sessions/current: what the phone shows of its table, live from here on. */
export const CurrentSessionResponse = CustomerSessionDto.extend({
  orders: z.array(OrderDto),
  /** Everything paid so far (the running bill) and this phone's own calls. */
  payments: z.array(PaymentDto),
  alerts: z.array(AlertDto),
  /** Who pays which bill lines (split by item), live from here on (`bill:claimed`). */
  claims: z.array(BillClaimDto),
  /** The table's phones (not removed) by name, to share a bill line with; later ones come as `customer:joined`. */
  phones: z.array(z.strictObject({ id: z.uuid(), displayName: z.string().nullable() })),
  /** The bill's discounts (SessionExtras). */
  discounts: z.array(CorrectionDto),
  /**
   * This phone's own declared allergies (issue 35; null: none, as always right after joining),
   * private to it and the staff. Absent: a server from before issue 35.
   */
  allergies: AllergyDeclarationDto.nullable().optional(),
});
export type CurrentSessionResponse = z.infer<typeof CurrentSessionResponse>;

/** GET /api/menu (a phone's: visible categories in order, their visible products) */
export const MenuResponse = z.strictObject({
  categories: z.array(CategoryDto),
  products: z.array(ProductDto),
  /** The language the menu's own texts are in; the phone shows each in its language (menu-language.ts localizeMenu). */
  menuLanguage: z.enum(MENU_LANGUAGES),
  /** The location's time zone, for the categories' service windows. */
  timeZone: z.string(),
});
export type MenuResponse = z.infer<typeof MenuResponse>;

/**
 * POST /api/sessions/join: the token, and everything the phone's table screen needs at once
 * (the table as GET /sessions/current gives it, and the menu as GET /menu gives it), so a
 * guest's tap is one round trip from the menu on a slow phone network.
 */
export const JoinResponse = CurrentSessionResponse.extend({
  token: z.string(),
  /** Seconds until the token expires. */
  expiresIn: z.number().int(),
  menu: MenuResponse,
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/** GET /api/tables, PUT /api/tables/order */
export const TableListResponse = z.strictObject({ tables: z.array(TableDto) });
export type TableListResponse = z.infer<typeof TableListResponse>;

/** POST /api/tables, PATCH /api/tables/:id, POST /api/tables/:id/retire */
export const TableResponse = z.strictObject({ table: TableDto });
export type TableResponse = z.infer<typeof TableResponse>;

/** GET /api/products (the staff's: every product not archived; ?archived=include for all) */
export const ProductListResponse = z.strictObject({ products: z.array(ProductDto) });
export type ProductListResponse = z.infer<typeof ProductListResponse>;

/** GET /api/categories, PUT /api/categories/order */
export const CategoryListResponse = z.strictObject({ categories: z.array(CategoryDto) });
export type CategoryListResponse = z.infer<typeof CategoryListResponse>;

/** POST /api/categories, PATCH /api/categories/:id */
export const CategoryResponse = z.strictObject({ category: CategoryDto });
export type CategoryResponse = z.infer<typeof CategoryResponse>;

/** POST /api/products, PATCH /api/products/:id, PUT /api/products/:id/availability, the photo routes */
export const ProductResponse = z.strictObject({ product: ProductDto });
export type ProductResponse = z.infer<typeof ProductResponse>;

/** GET /api/orders/:id, POST /api/orders/:id/advance, POST /api/orders/:id/cancel */
export const OrderResponse = z.strictObject({ order: OrderDto });
export type OrderResponse = z.infer<typeof OrderResponse>;

/** How many orders there are by what happened to them; `accepted` counts every order ever accepted. */
export const OrderCountsDto = z.strictObject({
  placed: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  delivered: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
});
export type OrderCountsDto = z.infer<typeof OrderCountsDto>;

/**
 * VOID: an order cancelled after the kitchen accepted it (its total); WAIVE: what a session's
 * close let go unpaid; REFUND: money given back. Dated by when it happened, in the day's time zone.
 */
export const MoneyAdjustmentDto = z.strictObject({
  /** VOID: a cancelled started order or a voided line; COMP, DISCOUNT: a line's or the bill's correction (its offCents). */
  kind: z.enum(["VOID", "WAIVE", "REFUND", "COMP", "DISCOUNT"]),
  sessionId: z.uuid(),
  /** The session's label ("Table 4"). */
  label: z.string(),
  amountCents: z.number().int(),
  reason: z.string().nullable(),
  /** The staff member's name, or null when nobody is recorded. */
  by: z.string().nullable(),
  at: time,
});
export type MoneyAdjustmentDto = z.infer<typeof MoneyAdjustmentDto>;

/** GET /api/stats/daily */
export const DailyStatsResponse = z.strictObject({
  date: z.iso.date(),
  timeZone: z.string(),
  currency: z.string(),
  orders: OrderCountsDto,
  /** Sum of the totals of orders that were accepted and not cancelled. */
  revenueCents: z.number().int(),
  /** Over the same orders; null when there are none. */
  averageOrderValueCents: z.number().nullable(),
  /** Over delivered orders; null when there are none. */
  averagePlacedToDeliveredSeconds: z.number().nullable(),
  /** Money that did not come in, or went back out, that day: each with who, when and why. */
  adjustments: z.array(MoneyAdjustmentDto),
  /** Sums of `adjustments` per kind. */
  voidedCents: z.number().int(),
  waivedCents: z.number().int(),
  refundedCents: z.number().int(),
  compedCents: z.number().int(),
  discountedCents: z.number().int(),
  /** The service charge on the bills of the sessions closed that day. */
  serviceChargeCents: z.number().int(),
});
export type DailyStatsResponse = z.infer<typeof DailyStatsResponse>;

/** GET /api/reports/day */
export const DayReportResponse = z.strictObject({ report: DayReportDto });
export type DayReportResponse = z.infer<typeof DayReportResponse>;

/** POST /api/days/close (201; 200 for a repeat of the same close) */
export const CloseDayResponse = z.strictObject({ close: DayCloseDto, report: DayReportDto });
export type CloseDayResponse = z.infer<typeof CloseDayResponse>;

/** GET /api/reports */
export const RangeReportResponse = z.strictObject({ report: RangeReportDto });
export type RangeReportResponse = z.infer<typeof RangeReportResponse>;

/** GET /api/health (200 when both are up, 503 otherwise) */
export const HealthResponse = z.strictObject({
  status: z.enum(["ok", "degraded"]),
  postgres: z.enum(["up", "down"]),
  redis: z.enum(["up", "down"]),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of this table (openapi.ts), for clients
 * we do not write. Checked here only for its outline; its own test checks the rest.
 */
export const OpenApiResponse = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type OpenApiResponse = z.infer<typeof OpenApiResponse>;

/** Every error's body (errors.ts): the code says what happened, the message names the field or the thing. */
export const ErrorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    /** Seconds to wait, for RATE_LIMITED and UNAVAILABLE. */
    retryAfter: z.number().int().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// The report DTOs are components of the OpenAPI document with the rest.
export * from "./day-report.js";

/** GET /api/printers */
export const PrinterListResponse = z.strictObject({ printers: z.array(PrinterDto) });
export type PrinterListResponse = z.infer<typeof PrinterListResponse>;
/** POST/PATCH /api/printers(/:id) */
/** GET /api/printers/health: the location's printers in use, failing ones first. */
export const PrinterHealthResponse = z.strictObject({ printers: z.array(PrinterHealthDto) });
export type PrinterHealthResponse = z.infer<typeof PrinterHealthResponse>;

/** POST /api/sessions/:id/print, GET /api/print-jobs/:id: a bill's or receipt's print job. */
export const PrintJobResponse = z.strictObject({ job: PrintJobDto });
export type PrintJobResponse = z.infer<typeof PrintJobResponse>;

export const PrinterResponse = z.strictObject({ printer: PrinterDto });
export type PrinterResponse = z.infer<typeof PrinterResponse>;
/** POST /api/printers/:id/test: the printer's status before the page, and whether the page went out. */
export const TestPrintResponse = z.strictObject({ printed: z.boolean(), status: PrinterStatusDto });
export type TestPrintResponse = z.infer<typeof TestPrintResponse>;

/** GET and PUT /api/sessions/allergies: the phone's own declaration (null: none yet). */
export const AllergyDeclarationResponse = z.strictObject({ declaration: AllergyDeclarationDto.nullable() });
export type AllergyDeclarationResponse = z.infer<typeof AllergyDeclarationResponse>;

/** GET and PUT /api/sessions/:id/allergies: a session's declarations and acknowledgements. */
export const SessionAllergiesResponse = z.strictObject({ allergies: SessionAllergiesDto });
export type SessionAllergiesResponse = z.infer<typeof SessionAllergiesResponse>;

/** GET /api/kitchen/allergies: every open session's (a display reads them again after a reconnect). */
export const KitchenAllergiesResponse = z.strictObject({ allergies: z.array(SessionAllergiesDto) });
export type KitchenAllergiesResponse = z.infer<typeof KitchenAllergiesResponse>;

/** GET /api/sessions/estimates (the phone's table) and GET /api/estimates (the location's open tables). */
export const EstimatesResponse = z.strictObject({ estimates: z.array(OrderEstimateDto) });
export type EstimatesResponse = z.infer<typeof EstimatesResponse>;

/** POST /api/sessions/estimate: how long the cart would take if ordered now (null: nothing to prepare). */
export const CartEstimateResponse = z.strictObject({ readyInSeconds: z.number().int().nullable() });
export type CartEstimateResponse = z.infer<typeof CartEstimateResponse>;
