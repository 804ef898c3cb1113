/** Every failure a client can see. Each code has one meaning and one HTTP status. */
export const ERROR_CODES = {
  /** The request body, params or payload failed validation; the message names the field. */
  VALIDATION_FAILED: 400,
  /** No credentials, or the token is expired, forged, or meant for someone else. */
  UNAUTHENTICATED: 401,
  /** Wrong email or password. */
  INVALID_CREDENTIALS: 401,
  /**
   * A manager's approval typed on a staff device (a correction beyond the role's rights)
   * did not check out: wrong email or password. Not 401: the device's own login is fine.
   */
  APPROVAL_REFUSED: 403,
  /** Authenticated, but this role may not do this. */
  FORBIDDEN: 403,
  /** The thing does not exist, or belongs to another location or session. */
  NOT_FOUND: 404,
  /** A socket event that is not in the contract (COMMANDS). */
  UNKNOWN_EVENT: 404,
  /** A socket command sent without an acknowledgement callback: nothing could answer it. */
  ACK_REQUIRED: 400,
  /** The state of the thing does not allow this (e.g. advancing a delivered order). */
  CONFLICT: 409,
  /** Closing a session with orders not yet delivered or ended; the message names them. */
  UNFINISHED_ORDERS: 409,
  /** Closing a session that still owes money, without waiving it. */
  BILL_UNPAID: 409,
  /** A payment larger than what is still due. */
  OVERPAYMENT: 409,
  /**
   * Cancelling would leave the bill paid for more than it owes (the order was paid): the
   * cancel must carry a refund (method), which is recorded with it. The message names the amount.
   */
  REFUND_REQUIRED: 409,
  /**
   * Closing a business day while sessions that began on it or before are still open, without
   * acknowledging them (`acknowledgeOpen`); the message names them. They land on the day they close.
   */
  OPEN_SESSIONS: 409,
  /** A table card scanned while the table is free (and the location does not open on first scan). */
  TABLE_FREE: 409,
  /** Staff removed this phone from its table: its token no longer works. */
  CUSTOMER_REMOVED: 401,
  /**
   * A phone that joined through the table's card must prove it is at the table before it
   * orders: type the session's PIN, or wait until staff accept it (its cart is kept).
   */
  PRESENCE_REQUIRED: 403,
  /** The PIN typed is not the session's; the message says how many tries are left. */
  WRONG_PIN: 403,
  /** The session is closed: its code no longer works and its customers can no longer act. */
  SESSION_CLOSED: 410,
  /**
   * Staff merged this phone's session into another or split the phone off to another table:
   * its token names the old session. `POST /api/sessions/follow` gives it one for the new one.
   */
  SESSION_MOVED: 409,
  /** A product in the order is unknown or unavailable. */
  PRODUCT_UNAVAILABLE: 422,
  /**
   * A line's price is not the one the phone showed (`items.n.unitPriceCents`): the menu
   * changed. Nothing was stored; the message names the lines and their prices now.
   */
  PRICE_CHANGED: 409,
  /**
   * A phone's line goes against the allergies or diets its guest declared, and the guest did
   * not confirm it (`items.n.allergyConfirmed`). Nothing was stored; the message names the
   * dishes and what they contain.
   */
  ALLERGY_CONFLICT: 409,
  /**
   * Starting a ticket whose lines are for a guest with declared allergies before the kitchen
   * acknowledged them (`ticket:acknowledge-allergies`), or after the declaration changed.
   */
  ALLERGY_UNACKNOWLEDGED: 409,
  /** The location takes no payments on phones (no payment provider account is set). */
  PAYMENTS_OFF: 409,
  /**
   * The payment provider refused the request (its message says why) or could not be reached:
   * no money moved; the same request with the same id may be retried.
   */
  PROVIDER_FAILED: 502,
  /** Too large a request or payload. */
  PAYLOAD_TOO_LARGE: 413,
  /** A request body that is not JSON. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many attempts; retry after the advertised delay. */
  RATE_LIMITED: 429,
  /** A dependency (PostgreSQL, Redis) is unreachable or saturated; nothing was done, retry. */
  UNAVAILABLE: 503,
  /** A bill or receipt asked to print where the location has no receipt printer set (the Printers section sets one). */
  NO_RECEIPT_PRINTER: 409,
  /** This server mails no receipts: its SMTP settings (SMTP_URL, MAIL_FROM) are not set. */
  MAIL_DISABLED: 501,
  /** The mail server refused the receipt or could not be reached: nothing was sent; the same request may be sent again. */
  MAIL_FAILED: 502,
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Seconds to wait, for RATE_LIMITED and UNAVAILABLE. */
  retryAfter?: number;
}

/** Every command acknowledges with data or with an error, never both. */
export type Ack<T> = { data: T; error?: never } | { error: ErrorBody; data?: never };
export type AckFn<T> = (result: Ack<T>) => void;

/**
 * Failures that say nothing about the request itself, for commands that carry their own id
 * (`order:place`'s clientOrderId): the same request sent again cannot double anything and
 * may succeed. INTERNAL is one of them: the server may even have stored the order before
 * failing, and a retry then gets that order. Every other code is a final answer about the
 * request (invalid, refused, closed, sold out).
 */
export const RETRYABLE_ERRORS: readonly ErrorCode[] = ["UNAVAILABLE", "RATE_LIMITED", "INTERNAL"];
