/**
 * The schema's enums as the contract names their values. A status or kind written into SQL
 * comes from here (`label("OrderStatus", "ACCEPTED")`), typed by the contract, never as a
 * bare string in a statement's text; the prepare test (server/test/db/statements.test.ts)
 * checks that each list is exactly its PostgreSQL enum's labels, in order.
 */
import {
  ALERT_KINDS,
  CARD_JOIN_CHECKS,
  CHECKOUT_STATUSES,
  CORRECTION_KINDS,
  CustomerDto,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  PaymentDto,
  PRESENCE_PROOFS,
  PRINT_JOB_KINDS,
  PRINT_JOB_STATUSES,
  PRINTER_VIAS,
  SESSION_TRANSFER_KINDS,
  SessionStatus,
  SHIPMENT_STATUSES,
  STAFF_ROLES,
  TICKET_STATUSES,
} from "@ordered/contract";
import { raw, type Sql } from "./sql.js";

/** Each PostgreSQL enum (its type name in prisma/schema.prisma) and the contract's list of its values. */
export const DB_ENUMS = {
  OrderStatus: ORDER_STATUSES,
  ShipmentStatus: SHIPMENT_STATUSES,
  TicketStatus: TICKET_STATUSES,
  SessionStatus: SessionStatus.options,
  StaffRole: STAFF_ROLES,
  CardJoinCheck: CARD_JOIN_CHECKS,
  PresenceProof: PRESENCE_PROOFS,
  JoinVia: CustomerDto.shape.via.options,
  AlertKind: ALERT_KINDS,
  PaymentMethod: PAYMENT_METHODS,
  PaymentKind: PaymentDto.shape.kind.options,
  SessionTransferKind: SESSION_TRANSFER_KINDS,
  CorrectionKind: CORRECTION_KINDS,
  CheckoutStatus: CHECKOUT_STATUSES,
  PrintJobKind: PRINT_JOB_KINDS,
  PrintJobStatus: PRINT_JOB_STATUSES,
  PrinterVia: PRINTER_VIAS,
} as const;

export type DbEnum = keyof typeof DB_ENUMS;
export type DbEnumValue<E extends DbEnum> = (typeof DB_ENUMS)[E][number];

/** A value of enum `type` as a SQL literal of that type (`'ACCEPTED'::"OrderStatus"`). */
export function label<E extends DbEnum>(type: E, value: DbEnumValue<E>): Sql {
  if (!(DB_ENUMS[type] as readonly string[]).includes(value)) throw new Error(`${value} is not a ${type}`);
  return raw(`'${value}'::"${type}"`);
}

/** Values of enum `type` as a parenthesised SQL list, for `IN`: a rule's set of statuses from the contract. */
export function labels<E extends DbEnum>(type: E, values: readonly DbEnumValue<E>[]): Sql {
  if (values.length === 0) throw new Error(`an empty list of ${type}`);
  return raw(`(${values.map((v) => `'${v}'::"${type}"`).join(", ")})`);
}
