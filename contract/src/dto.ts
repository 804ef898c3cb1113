/**
 * The JSON shapes the API and the sockets send, as zod schemas; the TypeScript types are
 * inferred from them. Strict objects: the server's SQL-built DTOs are parsed against these
 * in tests, so a column added on one side and not the other fails there.
 * Money is integer cents; times are ISO 8601 strings in UTC.
 */
import { z } from "zod";
import { ALLERGENS, DIET_TAGS } from "./allergens.js";
import { DECLARABLE_DIETS } from "./allergies.js";
import { DEFAULT_DAY_CUTOFF_HOUR } from "./business-day.js";
import { CORRECTION_KINDS } from "./corrections.js";
import { TICKET_STATUSES } from "./kitchen.js";
import { MENU_LANGUAGES, type MenuLanguage, ORDER_REASON_CODES } from "./menu-language.js";
import { ORDER_STATUSES, SHIPMENT_STATUSES } from "./order-status.js";
import { KITCHEN_LANGUAGES, PRINT_JOB_KINDS, PRINT_JOB_STATUSES, PRINTER_CODEPAGES, PRINTER_VIAS } from "./printers.js";
import { RECEIPT_LANGUAGES } from "./receipt-mail.js";
import {
  ALERT_KINDS,
  CARD_JOIN_CHECKS,
  CHECKOUT_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_PROVIDERS,
  PRESENCE_PROOFS,
  PRESENCE_STATES,
} from "./session-kinds.js";
import { STAFF_ROLES } from "./staff-roles.js";

const id = z.uuid();
const time = z.iso.datetime();

/** Sized variants of a product's photo (WebP), each URL immutable. */
export const PhotoDto = z.strictObject({ small: z.string(), medium: z.string(), large: z.string() });
export type PhotoDto = z.infer<typeof PhotoDto>;

/** Translations of some texts per language (menu-language.ts); absent: none (or made before issue 35). */
const translationsOf = <F extends string>(...fields: [F, ...F[]]) =>
  (
    z.partialRecord(z.enum(MENU_LANGUAGES), z.partialRecord(z.enum(fields), z.string())) as z.ZodType<
      Partial<Record<MenuLanguage, Partial<Record<F, string>>>>
    >
  ).optional();

export const SessionStatus = z.enum(["OPEN", "CLOSED"]);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const LocationDto = z.strictObject({
  id,
  name: z.string(),
  currency: z.string().length(3),
  /** Scanning the card of a free table opens a session (and tells staff) instead of saying it is free. */
  openOnFirstScan: z.boolean(),
  /** What a phone that joined through a table's card must do before its first order (session-kinds.ts). */
  cardJoinCheck: z.enum(CARD_JOIN_CHECKS),
  /** IANA time zone of the venue: categories' service windows are in it. */
  timeZone: z.string(),
  /** A kitchen ticket this many minutes old turns amber, then red. */
  ticketAmberMinutes: z.number().int(),
  ticketRedMinutes: z.number().int(),
  /** Service charge added to every new session's bill, in basis points (1000 = 10 %); 0: none. */
  serviceChargeBps: z.number().int(),
  /**
   * Who issues its receipts, printed on each (issue 33): the business's legal name, its address
   * (lines) and its tax id. Null until set (a receipt stored before then lacks them too).
   */
  legalName: z.string().nullable().default(null),
  address: z.string().nullable().default(null),
  taxId: z.string().nullable().default(null),
  /**
   * Whether its menu's prices include tax (gross, the European default) or have it added on the
   * bill (net, as in the US and Canada). A session takes it when it opens (SessionDto).
   */
  pricesIncludeTax: z.boolean().default(true),
  /**
   * The payment provider guests pay through on their phones (payments/provider.ts), or null:
   * this location records cash and card payments only.
   */
  onlinePayments: z.enum(PAYMENT_PROVIDERS).nullable().default(null),
  /** The printer bills and receipts print on (issue 34); null: none. */
  receiptPrinterId: id.nullable().default(null),
  /**
   * The hour (0–23, venue's clock) its business day starts: receipts closed before it count to
   * the day before (issue 33, end of day). Defaulted for receipts stored before the setting.
   */
  dayCutoffHour: z.number().int().min(0).max(23).default(DEFAULT_DAY_CUTOFF_HOUR),
  /** The language its kitchen tickets print in (issue 34); defaulted for payloads stored before the setting. */
  kitchenLanguage: z.enum(KITCHEN_LANGUAGES).default("en"),
  /** The language the menu's own texts are written in; phones in other languages read translations (issue 35). */
  menuLanguage: z.enum(MENU_LANGUAGES).default("en"),
  /**
   * The venue's branding (issue 35), on the phone and the printed cards: its colour ('#rrggbb',
   * white text on it passes WCAG AA: brand-color.ts), its logo and a cover photo (the photo
   * store's variants, like a product's). Null: the app's own colour, no logo, no cover.
   */
  brandColor: z.string().nullable().default(null),
  logo: PhotoDto.nullable().default(null),
  cover: PhotoDto.nullable().default(null),
});
export type LocationDto = z.infer<typeof LocationDto>;

/** A network thermal printer of the location (issue 34): ESC/POS over raw TCP. */
export const PrinterDto = z.strictObject({
  id,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
  codepage: z.enum(PRINTER_CODEPAGES),
  /** DIRECT: the servers dial it; BRIDGE: a print bridge inside the venue does (the servers cannot reach it). */
  via: z.enum(PRINTER_VIAS).default("DIRECT"),
  createdAt: time,
});
export type PrinterDto = z.infer<typeof PrinterDto>;

/** A printer as a print bridge needs it: where to send the bytes. */
export const BridgePrinterDto = z.strictObject({ id, name: z.string(), host: z.string(), port: z.number().int() });
export type BridgePrinterDto = z.infer<typeof BridgePrinterDto>;

/** A job handed to a print bridge (`print:next`): the bytes to send, already marked REPRINT when they may be on paper. */
export const BridgeJobDto = z.strictObject({
  id,
  printer: BridgePrinterDto,
  /** The ESC/POS bytes, base64. */
  bytes: z.string(),
  reprint: z.boolean(),
});
export type BridgeJobDto = z.infer<typeof BridgeJobDto>;

/** What a printer said when asked (ESC/POS real-time status, DLE EOT). */
export const PrinterStatusDto = z.strictObject({
  /** It answered on its address at all. */
  reachable: z.boolean(),
  online: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
  coverOpen: z.boolean(),
  /** What is wrong, for staff ("paper out", "no answer from 192.168.1.50:9100 in 3 s"); null: ready. */
  problem: z.string().nullable(),
});
export type PrinterStatusDto = z.infer<typeof PrinterStatusDto>;

/**
 * How a printer in use is doing (issue 34), pushed to the floor and the kitchen displays as
 * `printer:status` whenever it starts or stops failing, and read with GET /api/printers/health.
 */
export const PrinterHealthDto = z.strictObject({
  printerId: id,
  name: z.string(),
  /** What is wrong ("paper out", "refused the connection…"); null: it prints. */
  problem: z.string().nullable(),
  /** Since when it has been failing; null when it prints. */
  failingSince: time.nullable(),
  /** Jobs waiting to print on it (tickets, voids, bills, receipts). */
  waiting: z.number().int().nonnegative(),
  /** The backup printers its stations' tickets go to while it fails (none: they wait for it). */
  backups: z.array(z.string()),
});
export type PrinterHealthDto = z.infer<typeof PrinterHealthDto>;

/**
 * A bill or receipt sent to the location's receipt printer (issue 34): POST
 * /api/sessions/:id/print makes it, GET /api/print-jobs/:id says how it is doing.
 */
export const PrintJobDto = z.strictObject({
  id,
  kind: z.enum(PRINT_JOB_KINDS),
  status: z.enum(PRINT_JOB_STATUSES),
  /** The printer it prints on; null once that printer was removed. */
  printer: z.string().nullable(),
  language: z.enum(RECEIPT_LANGUAGES),
  /** Why its last attempt failed (the printer's words: "paper out"); null: none failed. */
  lastError: z.string().nullable(),
  createdAt: time,
  printedAt: time.nullable(),
});
export type PrintJobDto = z.infer<typeof PrintJobDto>;

export const StaffDto = z.strictObject({
  id,
  email: z.string(),
  displayName: z.string(),
  role: StaffRole,
  location: LocationDto,
});
export type StaffDto = z.infer<typeof StaffDto>;

/** A staff account as owners and managers manage it. */
export const StaffAccountDto = z.strictObject({
  id,
  email: z.string(),
  displayName: z.string(),
  role: StaffRole,
  /** false: deactivated; cannot log in, every token refused. */
  active: z.boolean(),
  /** false: the account has not set its password through its one-time link yet. */
  passwordSet: z.boolean(),
  createdAt: time,
});
export type StaffAccountDto = z.infer<typeof StaffAccountDto>;

/** A one-time link that lets an account set its password (a new account, or after a reset). */
export const SetupLinkDto = z.strictObject({ url: z.string(), expiresAt: time });
export type SetupLinkDto = z.infer<typeof SetupLinkDto>;

/** Where a category's lines are prepared (Kitchen, Bar): each has its own display. */
export const StationDto = z.strictObject({
  id,
  name: z.string(),
  position: z.number().int(),
  /** Its tickets print on these printers (issue 34), alongside its display; none: display only. */
  printerIds: z.array(id).default([]),
  /** Where its tickets go when its printers fail; null: none. */
  backupPrinterId: id.nullable().default(null),
  /** Items it prepares at once (pacing, issue 35); null: not set. */
  capacity: z.number().int().nullable().default(null),
});
export type StationDto = z.infer<typeof StationDto>;

/** A course of a meal (Drinks, Starters…), in the location's order: lines carry one, staff hold and fire them. */
export const CourseDto = z.strictObject({ id, name: z.string(), position: z.number().int() });
export type CourseDto = z.infer<typeof CourseDto>;

/**
 * A tax rate of the location ("Standard" 19 %, "Reduced" 7 %), in basis points (1900 = 19 %,
 * 0 to MAX_TAX_RATE_BPS), in the location's order. Categories name the rate their products
 * are sold at; a product may name its own.
 */
export const TaxRateDto = z.strictObject({ id, name: z.string(), rateBps: z.number().int(), position: z.number().int() });
export type TaxRateDto = z.infer<typeof TaxRateDto>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A section of the menu, in the order staff chose. */
export const CategoryDto = z.strictObject({
  id,
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  /** The station its products' lines go to. */
  stationId: id,
  /** The course its products' lines get by default (the order pad may choose another); null: none. */
  courseId: id.nullable(),
  /** The tax rate its products are sold at (a product may name its own); null: untaxed. Absent from payloads stored before issue 33. */
  taxRateId: id.nullable().default(null),
  /** Off the phones' menu (its products too), still on the products page. */
  hidden: z.boolean(),
  /** Served only from `availableFrom` until `availableUntil` ("HH:MM", the location's time zone), or always (null). */
  availableFrom: hhmm.nullable(),
  availableUntil: hhmm.nullable(),
  translations: translationsOf("name", "description"),
});
export type CategoryDto = z.infer<typeof CategoryDto>;

export const OptionDto = z.strictObject({
  id,
  name: z.string(),
  /** Added to the product's price per unit (may be 0 or negative). */
  priceDeltaCents: z.number().int(),
  /** false: sold out, cannot be chosen. */
  available: z.boolean(),
  translations: translationsOf("name"),
});
export type OptionDto = z.infer<typeof OptionDto>;

/** e.g. "Size": choose exactly 1 (min 1, max 1); "Extras": choose 0 to 3. */
export const OptionGroupDto = z.strictObject({
  id,
  name: z.string(),
  minChoices: z.number().int(),
  maxChoices: z.number().int(),
  options: z.array(OptionDto),
  translations: translationsOf("name"),
});
export type OptionGroupDto = z.infer<typeof OptionGroupDto>;

export const ProductDto = z.strictObject({
  id,
  name: z.string(),
  description: z.string(),
  categoryId: id,
  /** The category's name, for display. */
  category: z.string(),
  /** Base price of one unit; options add their deltas. */
  priceCents: z.number().int(),
  currency: z.string().length(3),
  /** false: sold out (still shown, greyed). */
  available: z.boolean(),
  /** null when stock is not tracked. */
  stock: z.number().int().nullable(),
  /** Off the phones' menu, kept on past orders and on the products page. */
  hidden: z.boolean(),
  /** Off the products page too; never deleted (past orders refer to it). */
  archived: z.boolean(),
  /** Raised by every change: an edit sent with an older version is refused (no edit is silently lost). */
  version: z.number().int(),
  allergens: z.array(z.enum(ALLERGENS)),
  tags: z.array(z.enum(DIET_TAGS)),
  /** The name and description per language (menu-language.ts); the phone picks its own. */
  translations: translationsOf("name", "description"),
  photo: PhotoDto.nullable(),
  optionGroups: z.array(OptionGroupDto),
  /** Its own tax rate (a takeaway drink at the reduced rate); null: its category's. Absent from payloads stored before issue 33. */
  taxRateId: id.nullable().default(null),
});
export type ProductDto = z.infer<typeof ProductDto>;

export const SessionDto = z.strictObject({
  id,
  label: z.string(),
  status: SessionStatus,
  joinCode: z.string(),
  joinUrl: z.string(),
  openedAt: time,
  closedAt: time.nullable(),
  /** Sequence number of the last event in this session's log. */
  lastSeq: z.number().int(),
  /** The table this session seats, or null for a free-standing session. */
  tableId: id.nullable(),
  /**
   * Four digits staff show or say to the guests at the table: a phone that joined through the
   * card types it to prove it is there. Staff only, like the join code (phones never receive a
   * SessionDto); new, with a new join code, when staff remove a phone.
   */
  pin: z.string(),
  /** The service charge of its bill (basis points): the location's when it opened, so a change mid-service moves no open bill. */
  serviceChargeBps: z.number().int(),
  /** Whether its prices include tax (else tax is added on the bill): the location's when it opened, like the service charge. */
  pricesIncludeTax: z.boolean().default(true),
});
export type SessionDto = z.infer<typeof SessionDto>;

/** A row of the staff's session list. */
export const SessionSummaryDto = SessionDto.extend({ orderCount: z.number().int() });
export type SessionSummaryDto = z.infer<typeof SessionSummaryDto>;

/** A table of the location's floor, with its permanent card. */
export const TableDto = z.strictObject({
  id,
  name: z.string(),
  /** e.g. "Terrace"; null when the venue does not use areas. */
  area: z.string().nullable(),
  seats: z.number().int().nullable(),
  /** Place on the floor, 0 first. */
  position: z.number().int(),
  /** What the table's card encodes: phones that scan it join the table's current session. */
  cardUrl: z.string(),
  /** Retired tables keep their history but are off the floor. */
  retired: z.boolean(),
  /** The open session on it (the party seated there now), or null when the table is free. */
  openSessionId: id.nullable(),
  /**
   * The same as `openSessionId`, under the name the first published OpenAPI document gave it:
   * sent for clients written against that document; new code reads `openSessionId`.
   */
  seatingId: id.nullable().meta({ deprecated: true }),
});
export type TableDto = z.infer<typeof TableDto>;

export const QrDto = z.strictObject({ joinUrl: z.string(), svg: z.string(), pngDataUrl: z.string() });
export type QrDto = z.infer<typeof QrDto>;

/** An option chosen on an order line, as it was when the order was placed. */
export const ChosenOptionDto = z.strictObject({ group: z.string(), name: z.string(), priceDeltaCents: z.number().int() });
export type ChosenOptionDto = z.infer<typeof ChosenOptionDto>;

/**
 * A correction staff made to a bill (corrections.ts): a line's (orderId + position) or the
 * whole bill's (both null). `offCents` is what it takes off, computed once when it was
 * recorded (integer cents) and never again: the bill reads it.
 */
export const CorrectionDto = z.strictObject({
  id,
  /** Made by the staff device; the same id always yields the same correction. */
  clientCorrectionId: z.string(),
  sessionId: id,
  orderId: id.nullable(),
  position: z.number().int().nullable(),
  kind: z.enum(CORRECTION_KINDS),
  /** A DISCOUNT's percent in basis points, or its amount; null for VOID and COMP. */
  percentBps: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  offCents: z.number().int(),
  reason: z.string().nullable(),
  /** Who recorded it, and the manager who approved it on their device (null: nobody needed to). */
  by: z.string().nullable(),
  approvedBy: z.string().nullable(),
  at: time,
});
export type CorrectionDto = z.infer<typeof CorrectionDto>;

export const OrderItemDto = z.strictObject({
  /** 0-based place in its order (unique per order): with the order's id, the bill line's key. */
  position: z.number().int().min(0),
  productId: id,
  /** Name and price as they were when the order was placed (the price includes the options). */
  productName: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  note: z.string().nullable(),
  options: z.array(ChosenOptionDto),
  /** The product's allergens when it was ordered, for the kitchen's ticket. */
  allergens: z.array(z.enum(ALLERGENS)),
  /** The station that prepares it (its category's when the order was placed). */
  stationId: id,
  /** The guest's seat (1, 2…) when staff noted it on the order pad. */
  seat: z.number().int().nullable(),
  /** Its course (the category's default, or the waiter's choice), or null. */
  courseId: id.nullable(),
  /**
   * Staff moved this line to another session's bill ("Table 5 #7"): it stays on this order's
   * kitchen ticket (made and served with it) but is off this bill. Absent or null: not moved.
   */
  movedTo: z.string().nullable().optional(),
  /** Staff's corrections of this line, oldest first (a VOID: the kitchen strikes it through). */
  corrections: z.array(CorrectionDto),
  /**
   * The tax rate it was ordered at (basis points; 0: untaxed) and the rate's name, for the
   * receipt (tax.ts): kept like its price, so a rate changed later changes no placed order.
   * The server always sends them; absent (a payload stored before them): untaxed.
   */
  taxRateBps: z.number().int().min(0).optional(),
  taxName: z.string().nullable().optional(),
});
export type OrderItemDto = z.infer<typeof OrderItemDto>;

export const ShipmentDto = z.strictObject({
  status: z.enum(SHIPMENT_STATUSES),
  readyAt: time.nullable(),
  deliveredAt: time.nullable(),
});
export type ShipmentDto = z.infer<typeof ShipmentDto>;

/** One station's part of an accepted order (kitchen.ts). */
export const TicketDto = z.strictObject({
  id,
  stationId: id,
  /** The station's name, for the phone's timeline. */
  station: z.string(),
  status: z.enum(TICKET_STATUSES),
  createdAt: time,
  startedAt: time.nullable(),
  readyAt: time.nullable(),
  /** When it last moved (a bump or a recall); a bump can be recalled for RECALL_WINDOW_MS. */
  movedAt: time,
  /** The course of its lines (one ticket per station and course), and its name; null: none. */
  courseId: id.nullable(),
  course: z.string().nullable(),
  /** When the kitchen was told to make it (its age counts from here); null: its course is held at the table. */
  firedAt: time.nullable(),
});
export type TicketDto = z.infer<typeof TicketDto>;

export const OrderDto = z.strictObject({
  id,
  /** Made by the phone; the same id always yields the same order. */
  clientOrderId: z.string(),
  sessionId: id,
  /**
   * The order's number in its session (1, 2, 3… without gaps), given when it is placed and
   * never changed: "Table 4 #2" on the panel, the kitchen's ticket and the phone (orderName).
   */
  number: z.number().int().positive(),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  /** The staff member who took it at the table (`order:enter`), or null: a guest's phone placed it. */
  enteredBy: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  /** Why it was rejected, cancelled or failed; readable by a guest (in English). */
  statusReason: z.string().nullable(),
  /**
   * The same reason as a code with parameters (menu-language.ts ORDER_REASON_CODES), said by a
   * phone in its language: the product (its id, to name it as the phone's menu does, and its
   * name as ordered), how many are left, staff's own words for a cancel. Null: none, or stored
   * before issue 35.
   */
  statusReasonCode: z
    .strictObject({
      code: z.enum(ORDER_REASON_CODES),
      productId: id.optional(),
      product: z.string().optional(),
      left: z.number().int().optional(),
      note: z.string().optional(),
    })
    .nullable()
    .optional(),
  totalCents: z.number().int(),
  currency: z.string().length(3),
  placedAt: time,
  acceptedAt: time.nullable(),
  finishedAt: time.nullable(),
  items: z.array(OrderItemDto),
  shipment: ShipmentDto.nullable(),
  /** Who cancelled it (a staff member's name), when it was cancelled by staff. */
  cancelledBy: z.string().nullable(),
  /** One per station with lines in it, from acceptance on (empty before), in station order. */
  tickets: z.array(TicketDto),
  /**
   * Where it came from when staff merged or split sessions or moved lines ("Bar #2": that
   * session's label and the order's number there); its `number` is this session's. Absent or
   * null: placed here.
   */
  movedFrom: z.string().nullable().optional(),
});
export type OrderDto = z.infer<typeof OrderDto>;

/**
 * An order as a kitchen display reads it (GET /api/kitchen and its socket events): what its
 * tickets show. Not who ordered it (a guest's name and phone) nor the phone's own order id.
 */
// customerId stays (an opaque id, no name): it says whose declared allergies a phone's line carries (allergies.ts).
export const KitchenOrderDto = OrderDto.omit({ clientOrderId: true, customerName: true });
export type KitchenOrderDto = z.infer<typeof KitchenOrderDto>;

/** The kitchen's copy of an order, made from the whole one (one function: REST and sockets agree). */
export function kitchenOrderOf(order: OrderDto): KitchenOrderDto {
  const { clientOrderId: _phone, customerName: _name, ...ticketed } = order;
  return ticketed;
}

/**
 * A session as a kitchen display reads it: the label names its tickets, `lastSeq` is the
 * display's cursor. Not its join code or URL (enough to join the table and order).
 */
export const KitchenSessionDto = z.strictObject({ id, label: z.string(), lastSeq: z.number().int() });
export type KitchenSessionDto = z.infer<typeof KitchenSessionDto>;

/** A session closing, as a kitchen display reads it: its tickets leave the board. No receipt. */
export const KitchenSessionClosedData = z.strictObject({ closedAt: time });
export type KitchenSessionClosedData = z.infer<typeof KitchenSessionClosedData>;

/** A customer's view of the session they joined. */
export const CustomerSessionDto = z.strictObject({
  session: z.strictObject({
    id,
    label: z.string(),
    status: SessionStatus,
    lastSeq: z.number().int(),
    /** Its bill's service charge (SessionDto.serviceChargeBps). */
    serviceChargeBps: z.number().int(),
    /** Whether its prices include tax (SessionDto.pricesIncludeTax). */
    pricesIncludeTax: z.boolean().default(true),
  }),
  location: LocationDto,
  customer: z.strictObject({
    id,
    displayName: z.string().nullable(),
    /** What this phone must do before it may order (session-kinds.ts); it hears `customer:verified` when done. */
    presence: z.enum(PRESENCE_STATES),
  }),
});
export type CustomerSessionDto = z.infer<typeof CustomerSessionDto>;

/** A phone that joined a session, as staff see it. */
export const CustomerDto = z.strictObject({
  id,
  displayName: z.string().nullable(),
  joinedAt: time,
  /** How it joined: the session's own code (QR modal) or the table's permanent card. */
  via: z.enum(["CODE", "CARD"]),
  /** Set when staff removed it: its token stopped working at once. */
  removedAt: time.nullable(),
  /** When it proved it is at the table; null: not yet (it cannot order unless the location's card check is OFF). */
  verifiedAt: time.nullable(),
  /** How: the session's code, its PIN, or staff accepted it; null when verified (it joined before the check existed) or not. */
  verifiedHow: z.enum(PRESENCE_PROOFS).nullable(),
  /** Who accepted it, when staff did. */
  verifiedBy: z.string().nullable(),
  /** Wrong PINs it typed. */
  pinFailures: z.number().int(),
});
export type CustomerDto = z.infer<typeof CustomerDto>;

/** Staff made a new join code and PIN for a session (a phone was removed): staff devices only. */
export const SessionRekeyedData = z.strictObject({ sessionId: id, joinCode: z.string(), joinUrl: z.string(), pin: z.string() });
export type SessionRekeyedData = z.infer<typeof SessionRekeyedData>;

export const CustomerRemovedData = z.strictObject({ customerId: id, removedAt: time });
export type CustomerRemovedData = z.infer<typeof CustomerRemovedData>;

/** A phone called a waiter or asked for the bill; staff acknowledge it once. */
export const AlertDto = z.strictObject({
  id,
  sessionId: id,
  kind: z.enum(ALERT_KINDS),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  raisedAt: time,
  acknowledgedAt: time.nullable(),
  /** The display name of who acknowledged it. */
  acknowledgedBy: z.string().nullable(),
});
export type AlertDto = z.infer<typeof AlertDto>;

/** Money staff recorded against a session's bill. */
export const PaymentDto = z.strictObject({
  id,
  /** Made by the staff device; the same id always yields the same payment. */
  clientPaymentId: z.string(),
  sessionId: id,
  /** PAYMENT: money in against the bill; REFUND: money given back (a paid order was cancelled). */
  kind: z.enum(["PAYMENT", "REFUND"]),
  method: z.enum(PAYMENT_METHODS),
  /** Against the bill, never negative (a refund's is what it gave back); never more than was due when it was recorded. */
  amountCents: z.number().int(),
  /** On top of the bill, kept apart from it. */
  tipCents: z.number().int(),
  /** The phone it paid for, or null for the table as a whole. */
  customerId: id.nullable(),
  /** e.g. "Split 1 of 3". */
  note: z.string().nullable(),
  /**
   * Whom it paid for in a split by item (bill-split.ts: `phone:<id>`, `seat:2`, `person:3`);
   * `phone:<customerId>` whenever customerId is set; null for the table as a whole.
   */
  payer: z.string().nullable(),
  recordedAt: time,
  recordedBy: z.string().nullable(),
  /** A refund: the payment it gave money back from (null: the bill's, after a cancelled order). */
  refundOf: id.nullable().default(null),
  /** Paid or refunded through the provider: its id of the money (Stripe's pi_… or re_…). */
  providerRef: z.string().nullable().default(null),
});
export type PaymentDto = z.infer<typeof PaymentDto>;

/**
 * A guest's payment on the phone through the provider, from its start to the provider's
 * word on it (payments/checkout.ts). Once PAID, `paymentId` is the payment it recorded.
 */
export const CheckoutDto = z.strictObject({
  id,
  sessionId: id,
  /** Made by the phone; the idempotency key the provider sees too. */
  clientPaymentId: z.string(),
  customerId: id.nullable(),
  amountCents: z.number().int(),
  tipCents: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(CHECKOUT_STATUSES),
  /** The provider's payment page while OPEN (null once resolved, or if the provider has not answered). */
  url: z.string().nullable(),
  paymentId: id.nullable(),
  createdAt: time,
});
export type CheckoutDto = z.infer<typeof CheckoutDto>;

/** A location's payment provider account as its owner sees it: never the secrets, a hint of the key. */
export const PaymentAccountDto = z.strictObject({
  provider: z.enum(PAYMENT_PROVIDERS),
  /** "sk_test_…4f2a": which key is set, not the key. */
  secretKeyHint: z.string(),
  /** A test-mode key (sk_test_/rk_test_): no real money moves. */
  testMode: z.boolean(),
  updatedAt: time,
  updatedBy: z.string().nullable(),
});
export type PaymentAccountDto = z.infer<typeof PaymentAccountDto>;

/** One line of a bill: an order's item, named by its order and position. */
export const BillLineDto = z.strictObject({
  /** `${orderId}:${position}`: stable for the line's life, what split claims name. */
  key: z.string(),
  orderId: id,
  position: z.number().int(),
  customerId: id.nullable(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  /** unitPriceCents × quantity: the line before its corrections. */
  grossCents: z.number().int(),
  /** The line's corrections (void, comp, discounts), oldest first. */
  corrections: z.array(CorrectionDto),
  /** What the line costs: gross less its corrections' offCents, never below 0 (a voided or comped line: 0). */
  lineCents: z.number().int(),
  /** Its item's tax rate and the rate's name (the receipt marks each line with it). */
  taxRateBps: z.number().int().default(0),
  taxName: z.string().nullable().default(null),
  /** The options chosen, as the line was ordered ("Large · Rocket"). */
  options: z.array(z.string()).default([]),
});
export type BillLineDto = z.infer<typeof BillLineDto>;

/** What one phone ordered and what was paid for it. */
export const BillShareDto = z.strictObject({
  customerId: id.nullable(),
  displayName: z.string().nullable(),
  subtotalCents: z.number().int(),
  paidCents: z.number().int(),
});
export type BillShareDto = z.infer<typeof BillShareDto>;

/**
 * A session's bill, integer cents in the location's currency. Orders count once accepted
 * (ACCEPTED or DELIVERED); orders still waiting for the kitchen's check are `pendingCents`;
 * rejected, cancelled and failed orders count nothing. Computed by `billOf` (bill.ts), on the
 * server and in both apps, from the same orders and payments.
 */
export const BillDto = z.strictObject({
  currency: z.string().length(3),
  lines: z.array(BillLineDto),
  shares: z.array(BillShareDto),
  /** The lines before corrections. */
  grossCents: z.number().int(),
  /** The lines' `lineCents`: after line corrections, before the bill's discounts. */
  subtotalCents: z.number().int(),
  /** Discounts of the whole bill, oldest first, and what they take off (never more than the subtotal). */
  discounts: z.array(CorrectionDto),
  billDiscountCents: z.number().int(),
  /** The session's service charge rate and amount: a percent of subtotal − billDiscount, rounded half up. */
  serviceChargeBps: z.number().int(),
  serviceChargeCents: z.number().int(),
  /**
   * Money a manager gave back from a payment, with a reason (refunds with `refundOf`): off the
   * total, as the venue sold that much less, and off what was paid, so what is due stays.
   */
  paymentRefundsCents: z.number().int().default(0),
  /** subtotal − billDiscount + serviceCharge (+ taxAdded with net prices) − paymentRefunds: what the table owes. */
  totalCents: z.number().int(),
  pendingCents: z.number().int(),
  /** Payments less refunds. */
  paidCents: z.number().int(),
  /** What refunds gave back (already taken off paidCents). */
  refundedCents: z.number().int(),
  /** Orders cancelled after the kitchen accepted them: not owed, but food the venue may have lost. */
  voidedCents: z.number().int(),
  tipCents: z.number().int(),
  waivedCents: z.number().int(),
  /** total − paid − waived; never negative. */
  dueCents: z.number().int(),
  /**
   * Per tax rate, highest first: net, tax and gross of what the table owes (the lines after
   * their corrections, less the bill's discount, plus the service charge, spread over the rates
   * in proportion: tax.ts billTaxes). The rates' gross adds up to totalCents.
   * With gross prices the tax is in the lines; with net prices it is added (taxAddedCents).
   */
  taxes: z
    .array(
      z.strictObject({
        rateBps: z.number().int(),
        name: z.string().nullable(),
        netCents: z.number().int(),
        taxCents: z.number().int(),
        grossCents: z.number().int(),
      }),
    )
    .default([]),
  /** The session's prices include tax (gross); false: net prices, the tax is added on the bill. */
  pricesIncludeTax: z.boolean().default(true),
  /** The tax added on top of net prices (Σ taxes' taxCents), part of totalCents; 0 with gross prices. */
  taxAddedCents: z.number().int().default(0),
});
export type BillDto = z.infer<typeof BillDto>;

/** A line corrected (`order.corrected`): the correction and its order as it is now. */
export const OrderCorrectedData = z.strictObject({ order: OrderDto, correction: CorrectionDto });
export type OrderCorrectedData = z.infer<typeof OrderCorrectedData>;

/** What a kitchen display reads of a correction: the order in its kitchen form. */
export const KitchenOrderCorrectedData = z.strictObject({ order: KitchenOrderDto, correction: CorrectionDto });
export type KitchenOrderCorrectedData = z.infer<typeof KitchenOrderCorrectedData>;

/**
 * A payer's claim on a bill line (split by item, bill-split.ts): the whole line if it is the
 * line's only claim, else `weight` parts of it. One per (line, payer).
 */
export const BillClaimDto = z.strictObject({
  /** The line's key (`${orderId}:${position}`). */
  line: z.string(),
  orderId: id,
  position: z.number().int(),
  /** `phone:<customer id>`, `seat:<n>` or `person:<n>`. */
  payer: z.string(),
  weight: z.number().int(),
  /** Who set it: a phone's name ("a guest" when it has none) or a staff member's. */
  claimedBy: z.string(),
  claimedAt: time,
});
export type BillClaimDto = z.infer<typeof BillClaimDto>;

/** A closed session's record, as the phones keep it and staff reopen it. */
export const ReceiptDto = z.strictObject({
  sessionId: id,
  label: z.string(),
  location: LocationDto,
  openedAt: time,
  closedAt: time,
  openedBy: z.string().nullable(),
  closedBy: z.string().nullable(),
  bill: BillDto,
  payments: z.array(PaymentDto),
  waiveReason: z.string().nullable(),
  /**
   * Its number in the location's gap-free sequence (1, 2, 3…), given when the session closed
   * with anything on its bill; null: nothing to receipt (a merged-away session), or closed
   * before receipts were numbered.
   */
  number: z.number().int().positive().nullable().default(null),
  /** Who paid which lines when the table split by item (bill-split.ts): the receipt shows each payer's share. */
  claims: z.array(BillClaimDto).default([]),
});
export type ReceiptDto = z.infer<typeof ReceiptDto>;

export const SessionClosedData = z.strictObject({ closedAt: time, receipt: ReceiptDto });

/** A closed session's receipt mailed (issue 33): the session log's record, and the answer to who asked. */
export const ReceiptMailDto = z.strictObject({
  clientMailId: z.string(),
  /** The address, masked (receipt-mail.ts maskEmail): the full one is never stored. */
  to: z.string(),
  language: z.enum(RECEIPT_LANGUAGES),
  /** Who asked: a phone's name ("a guest" when it has none) or a staff member's. */
  by: z.string(),
  /** When the mail server took it. */
  sentAt: time,
});
export type ReceiptMailDto = z.infer<typeof ReceiptMailDto>;

/** A line's claims changed: all its claims as they are now (none: nobody claims it). */
export const BillClaimedData = z.strictObject({
  line: z.string(),
  orderId: id,
  position: z.number().int(),
  claims: z.array(BillClaimDto),
  /** Who changed them. */
  by: z.string(),
});
export type BillClaimedData = z.infer<typeof BillClaimedData>;

/** A session moved to another table (its phones and orders with it; the old table is free). */
export const SessionMovedData = z.strictObject({
  fromTableId: id.nullable(),
  tableId: id,
  /** The new table's name, now the session's label. */
  label: z.string(),
  /** Who moved it (a staff member's name). */
  movedBy: z.string(),
});
export type SessionMovedData = z.infer<typeof SessionMovedData>;

/** What a kitchen display reads of a move: the label its tickets now show. */
export const KitchenSessionMovedData = z.strictObject({ label: z.string() });
export type KitchenSessionMovedData = z.infer<typeof KitchenSessionMovedData>;
export type SessionClosedData = z.infer<typeof SessionClosedData>;

/**
 * This session was merged into another (issue 32, item 4): its orders, phones, payments and
 * open calls are that session's now; this one is closed with no bill left on it.
 */
export const SessionMergedData = z.strictObject({
  intoSessionId: id,
  intoLabel: z.string(),
  closedAt: time,
  /** Who merged it (a staff member's name). */
  mergedBy: z.string(),
  orderIds: z.array(id),
  customerIds: z.array(id),
});
export type SessionMergedData = z.infer<typeof SessionMergedData>;
/** What a kitchen display reads of a merge: the session's tickets went to `intoLabel`. */
export const KitchenSessionMergedData = SessionMergedData.pick({ intoSessionId: true, intoLabel: true, closedAt: true, orderIds: true });
export type KitchenSessionMergedData = z.infer<typeof KitchenSessionMergedData>;

/** Some phones and their orders left this session for a new one at another table. Payments stay. */
export const SessionSplitData = z.strictObject({
  toSessionId: id,
  toLabel: z.string(),
  splitBy: z.string(),
  orderIds: z.array(id),
  customerIds: z.array(id),
});
export type SessionSplitData = z.infer<typeof SessionSplitData>;
export const KitchenSessionSplitData = SessionSplitData.pick({ toSessionId: true, toLabel: true, orderIds: true });
export type KitchenSessionSplitData = z.infer<typeof KitchenSessionSplitData>;

/** What arrived in this session from another by a merge or a split-off (orders renumbered: `movedFrom` names the old number). */
export const SessionReceivedData = z.strictObject({
  kind: z.enum(["MERGE", "SPLIT"]),
  fromSessionId: id,
  fromLabel: z.string(),
  by: z.string(),
  orders: z.array(OrderDto),
  customers: z.array(CustomerDto),
  payments: z.array(PaymentDto),
  alerts: z.array(AlertDto),
});
export type SessionReceivedData = z.infer<typeof SessionReceivedData>;
export const KitchenSessionReceivedData = z.strictObject({
  kind: z.enum(["MERGE", "SPLIT"]),
  fromLabel: z.string(),
  orders: z.array(KitchenOrderDto),
});
export type KitchenSessionReceivedData = z.infer<typeof KitchenSessionReceivedData>;

/** A guest's declared allergies and diets (allergies.ts): private to their phone and the staff. */
export const AllergyDeclarationDto = z.strictObject({
  id,
  /** Whose: `phone:<customer id>` or `seat:<n>` (allergies.ts guestOfLine says whose a line is). */
  guest: z.string(),
  customerId: id.nullable(),
  seat: z.number().int().nullable(),
  allergens: z.array(z.enum(ALLERGENS)),
  diets: z.array(z.enum(DECLARABLE_DIETS)),
  note: z.string().nullable(),
  /** Bumped by every change: an acknowledgement is of one version. */
  version: z.number().int(),
  updatedAt: time,
  /** The staff member who last changed it; null: the guest, on their phone. */
  changedBy: z.string().nullable(),
});
export type AllergyDeclarationDto = z.infer<typeof AllergyDeclarationDto>;

/** The kitchen read a declaration (at `version`) on a ticket before starting it. */
export const AllergyAckDto = z.strictObject({
  ticketId: id,
  declarationId: id,
  version: z.number().int(),
  ackedBy: z.string().nullable(),
  ackedAt: time,
});
export type AllergyAckDto = z.infer<typeof AllergyAckDto>;

/** A session's declarations and the kitchen's acknowledgements: what staff screens hold (`allergies:changed`). */
export const SessionAllergiesDto = z.strictObject({
  sessionId: id,
  declarations: z.array(AllergyDeclarationDto),
  acks: z.array(AllergyAckDto),
});
export type SessionAllergiesDto = z.infer<typeof SessionAllergiesDto>;

/**
 * How long an order will take, honestly (issue 35; server/src/estimates/): seconds from now until
 * it is ready, learned from the kitchen's own timings and its queue; null: its course is held.
 * `late`: started and past its usual time, or waiting longer than the queue explains.
 */
export const OrderEstimateDto = z.strictObject({
  orderId: id,
  sessionId: id,
  readyInSeconds: z.number().int().nullable(),
  late: z.boolean(),
});
export type OrderEstimateDto = z.infer<typeof OrderEstimateDto>;
