import { type AllergyDeclarationDto, type CourseDto, chosenOptions, type ProductDto, unitPriceOf } from "@ordered/contract/client";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { conflictWords, declaredWords, guestName, padConflicts } from "../sessions/allergy-view";
import { changeLine, coursesOf, type PadLine, padTotal } from "./pad-model";

/** Seats offered as one row of buttons (most tables); a larger table picks past them on a line's own picker. */
const SEATS = [1, 2, 3, 4, 5, 6];
const LINE_SEATS = Array.from({ length: 20 }, (_, i) => i + 1);

interface Props {
  lines: PadLine[];
  products: ReadonlyMap<string, ProductDto>;
  courses: readonly CourseDto[];
  currency: string;
  /** The seat new lines get (null: none). */
  seat: number | null;
  onSeat: (seat: number | null) => void;
  held: ReadonlySet<string>;
  onHold: (courseId: string, hold: boolean) => void;
  onChange: (lines: PadLine[]) => void;
  sending: boolean;
  error: string | null;
  onSend: () => void;
  /** The table's declared allergies by guest: a line whose dish goes against its seat's is warned (not refused). */
  allergies?: ReadonlyMap<string, AllergyDeclarationDto>;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** The order being taken: the seat new lines go to, each line (quantity, seat, course, note), the courses to hold, and Send. */
export function PadTicket({
  lines,
  products,
  courses,
  currency,
  seat,
  onSeat,
  held,
  onHold,
  onChange,
  sending,
  error,
  onSend,
  allergies = new Map(),
}: Props) {
  const s = strings.pad;
  const seatDeclaration = seat !== null ? allergies.get(`seat:${seat}`) : undefined;
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  const holdable = coursesOf(lines, courses);
  return (
    <section className="pad-ticket" aria-label={s.lines}>
      <fieldset className="pad-seats">
        <legend>
          <span aria-hidden="true">{s.seat}</span>
          <span className="visually-hidden">{s.nextSeat}</span>
        </legend>
        <button
          type="button"
          className={seat === null ? "pad-seat selected" : "pad-seat"}
          aria-pressed={seat === null}
          onClick={() => onSeat(null)}
        >
          {s.seatNone}
        </button>
        {SEATS.map((n) => (
          <button
            key={n}
            type="button"
            className={seat === n ? "pad-seat selected" : "pad-seat"}
            aria-pressed={seat === n}
            onClick={() => onSeat(n)}
          >
            {n}
            {allergies.has(`seat:${n}`) && (
              <span className="pad-seat-mark" aria-hidden="true">
                ⚠
              </span>
            )}
          </button>
        ))}
      </fieldset>
      {seatDeclaration && seat !== null && (
        <p className="pad-seat-allergy">{s.seatAllergies(guestName(`seat:${seat}`, NO_NAMES), declaredWords(seatDeclaration))}</p>
      )}
      {lines.length === 0 ? (
        <p className="muted pad-empty">{s.empty}</p>
      ) : (
        <ol className="pad-lines">
          {lines.map((line, i) => {
            const product = products.get(line.productId);
            const name = product?.name ?? "?";
            const options = product ? chosenOptions(product, line.options).map((o) => o.name) : [];
            const set = (change: Partial<PadLine>) => onChange(changeLine(lines, i, change));
            const conflicts = product ? padConflicts(line.seat, product, allergies) : null;
            const declared = line.seat !== null ? allergies.get(`seat:${line.seat}`) : undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the order being taken (equal lines merge)
              <li key={`${line.productId}-${i}`} className="pad-line" aria-label={name}>
                <div className="pad-line-head">
                  <div className="pad-stepper">
                    <button
                      type="button"
                      className="button"
                      disabled={sending}
                      onClick={() => set({ quantity: line.quantity - 1 })}
                      aria-label={s.less(name)}
                    >
                      −
                    </button>
                    <span className="pad-qty">{line.quantity}</span>
                    <button
                      type="button"
                      className="button"
                      disabled={sending}
                      onClick={() => set({ quantity: line.quantity + 1 })}
                      aria-label={s.more(name)}
                    >
                      +
                    </button>
                  </div>
                  <span className="pad-line-name">
                    <strong>{name}</strong>
                    {options.length > 0 && <span className="muted small"> {options.join(" · ")}</span>}
                  </span>
                  <span className="pad-line-price">
                    {product ? formatMoney(unitPriceOf(product, line.options) * line.quantity, currency) : ""}
                  </span>
                </div>
                {conflicts && declared && line.seat !== null && (
                  <p className="pad-allergy-warning" data-allergy-warning="">
                    {s.allergyWarning(
                      capitalized(conflictWords(conflicts)),
                      guestName(`seat:${line.seat}`, NO_NAMES),
                      declaredWords(declared),
                    )}
                  </p>
                )}
                <div className="pad-line-tags">
                  <label>
                    <span className="visually-hidden">{s.seatFor(name)}</span>
                    <span aria-hidden="true">{s.seat}</span>
                    <select
                      value={line.seat ?? ""}
                      disabled={sending}
                      onChange={(e) => set({ seat: e.target.value ? Number(e.target.value) : null })}
                    >
                      <option value="">{s.seatNone}</option>
                      {LINE_SEATS.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span className="visually-hidden">{s.courseFor(name)}</span>
                    <select value={line.courseId ?? ""} disabled={sending} onChange={(e) => set({ courseId: e.target.value || null })}>
                      <option value="">{s.courseNone}</option>
                      {courses.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="pad-line-note">
                    <span className="visually-hidden">{s.noteFor(name)}</span>
                    <input value={line.note} disabled={sending} placeholder={s.note} onChange={(e) => set({ note: e.target.value })} />
                  </label>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {holdable.length > 1 && (
        <fieldset className="pad-holds">
          <legend className="muted small">{s.holdHint}</legend>
          {holdable.map((c) => (
            <label key={c.id} className={held.has(c.id) ? "pad-hold checked" : "pad-hold"}>
              <input type="checkbox" checked={held.has(c.id)} disabled={sending} onChange={(e) => onHold(c.id, e.target.checked)} />
              {s.hold(c.name)}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="pad-send-row">
        <span className="pad-total">
          {s.total} <strong>{formatMoney(padTotal(lines, products), currency)}</strong>
        </span>
        <button type="button" className="button primary pad-send" disabled={lines.length === 0 || sending} onClick={onSend}>
          {sending ? s.sending : s.send(count)}
        </button>
      </div>
    </section>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
