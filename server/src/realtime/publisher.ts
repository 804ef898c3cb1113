import type { LoggedEvent, PrinterHealthDto, ProductDto, SessionAllergiesDto, SessionRekeyedData } from "@ordered/contract";

/**
 * Fans committed changes out to connected clients. Called only after the transaction that
 * logged the event has committed; a missed emit is repaired by log replay on reconnect.
 */
export interface Publisher {
  /**
   * A logged session event → the session's room and the location's staff room, but not the
   * socket `except` (the placer, which gets its order's event in the command's ack).
   */
  sessionEvent(locationId: string, event: LoggedEvent, except?: string): void;
  /** A product's availability changed → the location's staff and its open sessions' customers. */
  productChanged(locationId: string, product: ProductDto): void;
  /** Categories changed: the location's staff and phones refetch the menu. */
  menuChanged(locationId: string): void;
  /** Staff removed a phone: its open sockets, on every instance, are told why and closed. */
  customerRemoved(customerId: string): void;
  /** A session's new join code and PIN → the location's staff only (never a session room: phones must not learn them). */
  sessionRekeyed(locationId: string, data: SessionRekeyedData): void;
  /** A staff account's tokens ended (deactivated, role changed, password reset or changed): its open sockets, on every instance, are told why and closed. */
  staffEnded(staffId: string, message: string): void;
  /** A printer started or stopped failing (issue 34) → the location's staff (floor and kitchen), never phones. */
  printerStatus(locationId: string, health: PrinterHealthDto): void;
  /** A session's declared allergies or their acknowledgements changed (issue 35) → the location's staff (floor and kitchen), never phones. */
  allergiesChanged(locationId: string, allergies: SessionAllergiesDto): void;
  /** The location's bridge printers have jobs → its print bridges (`print:wake`), which then ask for them. */
  printBridgeWake(locationId: string): void;
}

/** Drops everything: before io exists, and after the app starts closing. */
export const mutedPublisher: Publisher = {
  sessionEvent() {},
  productChanged() {},
  menuChanged() {},
  customerRemoved() {},
  sessionRekeyed() {},
  staffEnded() {},
  printerStatus() {},
  printBridgeWake() {},
  allergiesChanged() {},
};
