import type { KitchenOrderDto, OrderItemDto, TicketDto, TicketStatus } from "@ordered/contract/client";
import type { LiveState, SessionCore } from "../realtime/live-state";

/** One ticket as a station's display shows it. */
export interface TicketCard {
  ticket: TicketDto;
  order: KitchenOrderDto;
  /** The table (the session's label). */
  table: string;
  /** The order's number in its session, the server's (OrderDto.number): the panel and the phone say the same. */
  number: number;
  /** Only this station's lines of the ticket's course. */
  items: OrderItemDto[];
  /** The course's name while it is held at the table (greyed, not bumpable), else null. */
  held: string | null;
}

/** The display's three columns, each oldest first. */
export type Board = Record<TicketStatus, TicketCard[]>;

/**
 * Which tickets a station shows and where. A ticket is on the display while its order is
 * being prepared or waits at the pass (ACCEPTED, shipment PREPARING or READY) and its table
 * is open; delivered, cancelled and closed ones leave. NEW and PREPARING are ordered by when
 * the ticket reached the station, READY by when it became ready (what waited longest at the
 * pass first).
 */
export function boardOf(state: LiveState<SessionCore, KitchenOrderDto>, stationId: string): Board {
  const board: Board = { NEW: [], PREPARING: [], READY: [] };
  for (const [sessionId, byId] of Object.entries(state.orders)) {
    const session = state.sessions[sessionId];
    if (session?.status === "CLOSED") continue;
    // The display holds only the orders being prepared (GET /api/kitchen): counting them here
    // would renumber tickets after a reload. The number is the server's.
    for (const order of Object.values(byId)) {
      if (!onDisplay(order)) continue;
      // One ticket per station and course (a table's mains may wait while its starters go).
      for (const ticket of order.tickets) {
        if (ticket.stationId !== stationId) continue;
        board[ticket.status].push({
          ticket,
          order,
          table: session?.label ?? "",
          number: order.number,
          items: order.items.filter((item) => item.stationId === stationId && item.courseId === ticket.courseId),
          held: ticket.firedAt === null ? (ticket.course ?? "") : null,
        });
      }
    }
  }
  board.NEW.sort(byArrival);
  board.PREPARING.sort(byArrival);
  board.READY.sort((a, b) => (a.ticket.readyAt ?? a.ticket.movedAt).localeCompare(b.ticket.readyAt ?? b.ticket.movedAt) || byArrival(a, b));
  return board;
}

/** The ids of this station's tickets waiting to be started (fired, not held): what the new-ticket cue is about. */
export function newTicketIds(board: Board): string[] {
  return board.NEW.filter((c) => c.held === null).map((c) => c.ticket.id);
}

/** When the kitchen was told to make it: a fired course's clock starts when it was fired. */
export const ticketSince = (ticket: TicketDto): string => ticket.firedAt ?? ticket.createdAt;

function onDisplay(order: KitchenOrderDto): boolean {
  return order.status === "ACCEPTED" && (order.shipment?.status === "PREPARING" || order.shipment?.status === "READY");
}

function byPlacement(a: KitchenOrderDto, b: KitchenOrderDto): number {
  return a.placedAt.localeCompare(b.placedAt) || a.id.localeCompare(b.id);
}

/** Fired tickets by when they were fired; held ones after them (they wait for the floor). */
function byArrival(a: TicketCard, b: TicketCard): number {
  return (
    Number(a.held !== null) - Number(b.held !== null) ||
    ticketSince(a.ticket).localeCompare(ticketSince(b.ticket)) ||
    byPlacement(a.order, b.order)
  );
}
