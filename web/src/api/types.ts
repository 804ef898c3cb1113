/**
 * The server's contract, imported as types only: the web app never loads server code,
 * yet cannot drift from what the server sends.
 */
export type {
  CustomerSessionDto,
  LocationDto,
  OrderDto,
  OrderItemDto,
  OrderStatus,
  ProductDto,
  QrDto,
  SessionDto,
  ShipmentStatus,
  StaffDto,
} from "../../../server/src/dto";
export type {
  Ack,
  ClientToServerEvents,
  HandshakeAuth,
  PlaceOrderPayload,
  ServerToClientEvents,
  SessionClosedData,
  SessionEventEnvelope,
  SyncDone,
} from "../../../server/src/realtime/events";
export type { ErrorBody, ErrorCode } from "../../../server/src/errors";
