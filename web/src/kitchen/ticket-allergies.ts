import {
  type AllergyAckDto,
  type AllergyDeclarationDto,
  type Conflicts,
  conflictsOf,
  guestOfLine,
  isDeclared,
  type KitchenOrderDto,
  type OrderItemDto,
  type SessionAllergiesDto,
} from "@ordered/contract/client";

/** A ticket's line as the display shows its guest's declaration: loudly, with what the dish holds of it. */
export interface LineAllergy {
  declaration: AllergyDeclarationDto;
  conflicts: Conflicts;
}

/** What a ticket's lines ask of the kitchen about declared allergies (issue 35). */
export interface TicketAllergies {
  /** Per line (the line's position in its order), the declaration of the guest it is for. */
  lines: Map<number, LineAllergy>;
  /** Declarations its lines call for that are not acknowledged on it as they are now: it does not start before. */
  unacknowledged: AllergyDeclarationDto[];
  /** The acknowledgements on it of the declarations as they are now (who read them, when). */
  acknowledged: AllergyAckDto[];
}

export const NO_ALLERGIES: TicketAllergies = { lines: new Map(), unacknowledged: [], acknowledged: [] };

/**
 * The declarations of the guests a ticket's lines are for (contract guestOfLine: the line's seat,
 * else the phone that ordered it), and which of them the kitchen has read on this ticket — the
 * same rule the server applies before a ticket starts (ALLERGY_UNACKNOWLEDGED).
 */
export function ticketAllergies(
  ticketId: string,
  order: KitchenOrderDto,
  items: readonly OrderItemDto[],
  session: SessionAllergiesDto | undefined,
): TicketAllergies {
  if (!session || session.declarations.length === 0) return NO_ALLERGIES;
  const lines = new Map<number, LineAllergy>();
  const called = new Map<string, AllergyDeclarationDto>();
  for (const item of items) {
    const guest = guestOfLine(order, item);
    const declaration = session.declarations.find((d) => d.guest === guest);
    if (!isDeclared(declaration)) continue;
    lines.set(item.position, { declaration, conflicts: conflictsOf(declaration, item) });
    called.set(declaration.id, declaration);
  }
  const acks = session.acks.filter((a) => a.ticketId === ticketId);
  const current = (d: AllergyDeclarationDto) => acks.find((a) => a.declarationId === d.id && a.version === d.version);
  const declarations = [...called.values()];
  return {
    lines,
    unacknowledged: declarations.filter((d) => !current(d)),
    acknowledged: declarations.flatMap((d) => current(d) ?? []),
  };
}
