import { ALLERGENS, type BumpStep, isAllergyNote, ORDER_VIEW_WORDS, orderName, orderViewOf, TICKET_NEXT } from "@ordered/contract/client";
import { formatList, t } from "../i18n/i18n";
import { formatAge } from "../lib/age";
import { strings } from "../strings";
import { isVoidedLine, type TicketCard, ticketSince } from "./kitchen-board";
import { ticketAge } from "./ticket-age";
import type { TicketAllergies } from "./ticket-allergies";
import type { Thresholds } from "./use-kitchen-live";
import "./KitchenTicket.css";

interface Props {
  card: TicketCard;
  now: number;
  thresholds: Thresholds;
  /** Nobody has looked since it arrived: it flashes. */
  unseen: boolean;
  busy: boolean;
  error: string | undefined;
  /** The status an Undo would take it back from, or null when there is none to offer. */
  undoFrom: BumpStep | null;
  onBump: (to: BumpStep) => void;
  onRecall: (from: BumpStep) => void;
  /** The declared allergies its lines call for, and whether the station has read them (issue 35). */
  allergies: TicketAllergies;
  onAcknowledge: () => void;
}

/** One station's part of an order: the table, its age, this station's lines, and one big button to move it on. */
export function KitchenTicket({ card, now, thresholds, unseen, busy, error, undoFrom, onBump, onRecall, allergies, onAcknowledge }: Props) {
  const { ticket, items } = card;
  const name = orderName(card.table, card.number);
  const ready = ticket.status === "READY";
  // At the pass the clock that matters is how long it has been ready; before, how long it has waited.
  const { ms, urgency } = ready
    ? { ms: now - Date.parse(ticket.readyAt ?? ticket.movedAt), urgency: "fresh" as const }
    : ticketAge(ticketSince(ticket), now, thresholds);
  const age = formatAge(ms, "clock");
  // A held course waits for the floor to fire it: greyed, no clock, nothing to bump.
  const held = card.held;
  const next = held === null ? TICKET_NEXT[ticket.status] : undefined;
  // The whole order's word, as the panel shows it: another station's part may be behind this one's.
  const view = orderViewOf(card.order);
  // A declared guest's lines are read before anything is cooked: Start waits for "Allergy read".
  const mustRead = allergies.unacknowledged.length > 0;
  const readAgain = mustRead && ticket.status !== "NEW";
  const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

  return (
    <article
      className={`kt kt-${ticket.status.toLowerCase()} kt-${held === null ? urgency : "held"}${unseen && held === null ? " kt-unseen" : ""}`}
      aria-label={name}
      tabIndex={-1}
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      data-urgency={urgency}
      data-held={held === null ? undefined : true}
      data-order-view={view}
      data-allergy={allergies.lines.size > 0 || undefined}
    >
      <header className="kt-head">
        <h3 className="kt-table">
          {card.table} <span className="kt-number">#{card.number}</span>
          {/* Merged or split in from another table: the name the ticket had there. */}
          {card.order.movedFrom && <span className="kt-from"> {strings.transfer.movedFrom(card.order.movedFrom)}</span>}
        </h3>
        {unseen && held === null && <span className="kt-badge">{strings.kitchen.newBadge}</span>}
        {held !== null ? (
          <span className="kt-held-badge">{strings.kitchen.held(held)}</span>
        ) : ready ? (
          // At the pass the clock says how long it has been ready, and says so: it is not the waiting time.
          <span className="kt-age">{strings.kitchen.readyAge(age)}</span>
        ) : (
          <span className="kt-age" title={strings.kitchen.age(age)}>
            <span className="visually-hidden">{strings.kitchen.age("")}</span>
            {age}
            {urgency !== "fresh" && <span className="visually-hidden"> ({strings.kitchen.urgency[urgency]})</span>}
          </span>
        )}
      </header>
      {ticket.course && held === null && <p className="kt-course">{ticket.course}</p>}
      {view !== ticket.status && <p className="kt-order-view">{strings.kitchen.wholeOrder(ORDER_VIEW_WORDS[view])}</p>}
      <ul className="kt-lines">
        {items.map((item, i) => {
          const allergens = ALLERGENS.filter((a) => item.allergens.includes(a));
          const allergyNote = isAllergyNote(item.note);
          const declared = allergies.lines.get(item.position);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never move; their position is their identity
            <li key={i} className={isVoidedLine(item) ? "kt-line kt-voided" : "kt-line"} data-voided={isVoidedLine(item) || undefined}>
              <span className="kt-qty">{item.quantity}×</span>
              <span className="kt-product">
                {item.productName}
                {isVoidedLine(item) && <span className="kt-void-tag">{strings.kitchen.voided}</span>}
              </span>
              {item.seat !== null && <span className="kt-seat">{strings.kitchen.seat(item.seat)}</span>}
              {item.options.length > 0 && (
                <span className="kt-options">
                  <span className="visually-hidden">{t("ticket.options")}: </span>
                  {item.options.map((o) => o.name).join(" · ")}
                </span>
              )}
              {item.note && (
                <span className={allergyNote ? "kt-note kt-allergy" : "kt-note"} data-allergy={allergyNote || undefined}>
                  {allergyNote ? <strong>⚠ {strings.kitchen.allergyNote}: </strong> : `${t("order.note")}: `}
                  {item.note}
                </span>
              )}
              {declared && (
                <span className="kt-declared" data-declared>
                  <strong>⚠ {strings.kitchen.declared}: </strong>
                  {formatList([
                    ...declared.declaration.allergens.map((a) => t(`allergens.${a}`)),
                    ...declared.declaration.diets.map((d) => t(`tags.${d}`)),
                  ])}
                  {declared.declaration.note && <span className="kt-declared-note"> “{declared.declaration.note}”</span>}
                  {declared.conflicts.allergens.length > 0 && (
                    <strong className="kt-contains">
                      {strings.kitchen.contains(formatList(declared.conflicts.allergens.map((a) => t(`allergens.${a}`))).toUpperCase())}
                    </strong>
                  )}
                </span>
              )}
              {allergens.length > 0 && (
                // The dish's own, compact: the guest's declaration above is what must stand out.
                <span className="kt-allergens">
                  {t("ticket.allergens", { names: formatList(allergens.map((a) => t(`allergens.${a}`).toLowerCase())) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {mustRead && (
        <p className="kt-must-read" role="note">
          {readAgain ? strings.kitchen.changedSince : strings.kitchen.mustAcknowledge}
        </p>
      )}
      {!mustRead &&
        allergies.acknowledged.map((a) => (
          <p key={`${a.declarationId}:${a.version}`} className="kt-read">
            ✓ {strings.kitchen.acknowledged(a.ackedBy ?? "—", clock.format(new Date(a.ackedAt)))}
          </p>
        ))}
      {error && (
        <p role="alert" className="kt-error">
          {error}
        </p>
      )}
      {(next || undoFrom || mustRead) && (
        <div className="kt-actions">
          {undoFrom && (
            <button
              type="button"
              className="kt-undo"
              disabled={busy}
              aria-label={strings.kitchen.undoLabel(name)}
              onClick={() => onRecall(undoFrom)}
            >
              ↶ {strings.kitchen.undo}
            </button>
          )}
          {mustRead && held === null ? (
            <button
              type="button"
              className="kt-bump kt-ack"
              disabled={busy}
              aria-label={strings.kitchen.acknowledgeLabel(name)}
              onClick={onAcknowledge}
            >
              {strings.kitchen.acknowledge}
            </button>
          ) : (
            next && (
              <button
                type="button"
                className={`kt-bump kt-bump-${next.toLowerCase()}`}
                disabled={busy}
                aria-label={strings.kitchen.bumpLabel(next, name)}
                onClick={() => onBump(next)}
              >
                {strings.kitchen.bump[next]} {next === "READY" ? "✓" : "▸"}
              </button>
            )
          )}
        </div>
      )}
    </article>
  );
}
