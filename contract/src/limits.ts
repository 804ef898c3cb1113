/**
 * Every bound the server enforces and the web app respects (input lengths, cart sizes).
 * The schemas in this package are built from these numbers; nothing restates them.
 */

/** The largest value of the database's INTEGER columns (money in cents, quantities, stock). */
export const MAX_INT32 = 2_147_483_647;
export const LIMITS = {
  order: {
    /** Most lines one order may have; keeps a single payload's work bounded. */
    maxLines: 30,
    /** Most of one product on one line. */
    maxQuantity: 50,
    /** Seats are numbered 1 to this on a staff order line. */
    maxSeat: 99,
    /** Longest note on one line. */
    noteLength: 200,
    /** Bounds of the phone-made clientOrderId. */
    clientOrderIdMin: 8,
    clientOrderIdMax: 64,
    /** Longest reason staff give when cancelling. */
    cancelReasonLength: 200,
    /** Most options chosen on one line. */
    maxOptionsPerLine: 30,
  },
  session: {
    labelLength: 60,
    /** Longest name a guest may give when joining. */
    displayNameLength: 40,
    /** Longer input cannot be a join code and is refused before any lookup. */
    joinCodeInputLength: 64,
    /** Most sessions a staff socket may send cursors for. */
    maxCursors: 500,
    /** Most sessions one list request returns. */
    maxListed: 200,
  },
  /**
   * A card-joined phone proving it is at the table (session-kinds.ts, CARD_JOIN_CHECKS). A PIN has
   * 10,000 values: these caps keep a guess from afar at 1 in ~660 per session, and a phone
   * that used its tries can only be accepted by staff.
   */
  presence: {
    pinLength: 4,
    /** Wrong PINs one phone may type; then only staff can accept it. */
    phonePinTries: 5,
    /** Wrong PINs all phones of a session may type, until staff remove a phone (a new PIN). */
    sessionPinTries: 15,
  },
  /** Who issues a location's receipts (issue 33): as the law asks them printed. */
  legal: {
    nameLength: 120,
    /** Several lines: street, postcode and town, country. */
    addressLength: 300,
    /** A VAT number ("DE123456789", "IT12345678901") or a tax number. */
    taxIdLength: 40,
  },
  table: {
    /** Longest card code accepted as input; longer cannot be one. */
    cardCodeInputLength: 64,
    nameLength: 40,
    areaLength: 40,
    maxSeats: 100,
    /** Most tables a location may have (one floor plan, one printable sheet of cards). */
    maxTables: 500,
  },
  /** An e-mailed receipt (issue 33). */
  receiptMail: {
    /** Bounds of the client-made clientMailId. */
    clientMailIdMin: 8,
    clientMailIdMax: 64,
    /** RFC 5321's longest path. */
    addressLength: 254,
  },
  printer: {
    nameLength: 60,
    /** Bounds of the staff-made clientPrintId of a bill or receipt print. */
    clientPrintIdMin: 8,
    clientPrintIdMax: 64,
    /** Printers one location may have. */
    maxPerLocation: 30,
  },
  allergies: {
    /** A declaration's note, in the guest's words. */
    noteLength: 200,
  },
  bill: {
    /** Bounds of the staff-made clientPaymentId. */
    clientPaymentIdMin: 8,
    clientPaymentIdMax: 64,
    noteLength: 80,
    waiveReasonLength: 200,
    /** Most parts an equal split may have. */
    maxSplit: 50,
    /** Most payers one line may be split between (split by item). */
    maxClaimsPerLine: 50,
    /** A tip at most this (any currency's cents): €10,000. */
    maxTipCents: 1_000_000,
  },
  day: {
    /** Bounds of the staff-made clientCloseId of a day's close. */
    clientCloseIdMin: 8,
    clientCloseIdMax: 64,
  },
  correction: {
    /** Bounds of the staff-made clientCorrectionId. */
    clientCorrectionIdMin: 8,
    clientCorrectionIdMax: 64,
    reasonLength: 200,
  },
  product: {
    nameLength: 120,
    descriptionLength: 1000,
    categoryLength: 60,
    /**
     * €10,000 (in any currency's cents). With order.maxQuantity and order.maxLines it bounds
     * an order's total below 2^31: totals and prices are 32-bit INTEGER columns
     * (prisma/schema.prisma); the contract's tests check the product stays below that.
     */
    maxPriceCents: 1_000_000,
    maxStock: 1_000_000,
    /** Option groups per product, options per group, and their names. */
    maxOptionGroups: 10,
    maxOptionsPerGroup: 20,
    optionNameLength: 60,
    /**
     * The most a product with its dearest choice may cost: the server refuses a product whose
     * price plus its groups' largest deltas would pass maxPriceCents, so every line stays in
     * the bound above.
     */
    maxUnitPriceCents: 1_000_000,
  },
  category: {
    nameLength: 60,
    descriptionLength: 300,
    maxCategories: 100,
  },
  photo: {
    /** Largest upload accepted (bytes): 8 MiB. */
    maxBytes: 8 * 1024 * 1024,
    /** Widths (px) of the variants served. */
    widths: { small: 160, medium: 480, large: 960 },
    /** Formats accepted, as read from the bytes. */
    formats: ["jpeg", "png", "webp"],
  },
  auth: {
    emailLength: 254,
    passwordLength: 200,
    /** Shortest password an account may choose. */
    passwordMin: 10,
    displayNameLength: 60,
    tokenLength: 4096,
    /** Longest input accepted as a setup link's token. */
    setupTokenLength: 128,
    /** Longest input accepted as a device token (a JWT naming an email and a device). */
    deviceTokenLength: 1024,
    /** How long a one-time setup link works. */
    setupLinkHours: 72,
  },
  /** A location's tax rates (issue 33): "Standard" 19 %, "Reduced" 7 %… */
  tax: {
    rateNameLength: 40,
    maxRates: 20,
  },
  kitchen: {
    stationNameLength: 40,
    maxStations: 20,
    courseNameLength: 40,
    maxCourses: 12,
    /** Largest ticket-age threshold a location may set. */
    maxTicketMinutes: 240,
  },
} as const;
