import { type BillClaimDto, type BillDto, type BillLineDto, MAX_PAYER_NUMBER, type PaymentDto } from "@ordered/contract/client";
import { useId, useState } from "react";
import { api } from "../../api/http";
import { Modal } from "../../components/Modal";
import { t } from "../../i18n/i18n";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";
import { nextPerson, panelSplit, payerLabel } from "./split-view";

interface Props {
  sessionId: string;
  label: string;
  /** The live bill, claims and payments: every other screen's changes show here at once. */
  bill: BillDto;
  claims: readonly BillClaimDto[];
  payments: readonly PaymentDto[];
  /** The table's phones (not removed), in the order they joined, and what staff call them. */
  phones: readonly string[];
  names: ReadonlyMap<string, string>;
  token: string;
  /** The seat a waiter noted on each line (by bill line key): its seat is a payer, and "by seat" gives it to them. */
  lineSeats: ReadonlyMap<string, number>;
  /** Record a payer's payment: the payment dialog, prefilled with what it still owes. */
  onPay: (payer: string) => void;
  onClose: () => void;
}

/**
 * Split by item on the panel: payers as chips (the table's phones, seats and persons; "+ Person
 * n" adds a guest without a phone), lines given to the chosen payers by a tap (several chosen:
 * shared equally), each payer's exact amount, what is not claimed yet, and Pay per payer.
 * Everything sums to the cent: the contract's billSplit, the phones' own computation.
 */
export function SplitDialog({ sessionId, label, bill, claims, payments, phones, names, lineSeats, token, onPay, onClose }: Props) {
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const ids = useId();
  const [added, setAdded] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const seats = [...new Set(lineSeats.values())].map((n) => `seat:${n}`);
  const split = panelSplit(bill, claims, payments, phones, [...added, ...seats]);
  const next = nextPerson(split);
  const cells = new Map<string, { payer: string; cents: number }[]>();
  for (const p of split.payers)
    for (const l of p.lines) cells.set(l.line, [...(cells.get(l.line) ?? []), { payer: p.payer, cents: l.cents }]);
  const shares = split.payers.reduce((s, p) => s + p.totalCents, 0);
  // Lines with a seat nobody claimed yet: "by seat" gives each to its seat in one tap.
  const bySeat = bill.lines.filter((l) => lineSeats.has(l.key) && !cells.has(l.key) && l.lineCents > 0);

  async function assign(line: BillLineDto, payers: string[]) {
    setBusy(true);
    setProblem(null);
    try {
      await api("POST /api/sessions/:id/claims", {
        token,
        params: { id: sessionId },
        body: { orderId: line.orderId, position: line.position, claims: payers.map((payer) => ({ payer, weight: 1 })), replace: true },
      });
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (payer: string) => setChosen((c) => (c.includes(payer) ? c.filter((p) => p !== payer) : [...c, payer]));
  const chosenNames = chosen.map((p) => payerLabel(p, names)).join(", ");

  return (
    <Modal title={strings.split.title(label)} onClose={onClose} className="split-dialog">
      <div className="split-panel">
        <section aria-label={strings.split.payers} className="split-payers">
          <h3 className="split-heading">{strings.split.payers}</h3>
          <ul className="split-payer-list">
            {split.payers.map((p) => {
              const name = payerLabel(p.payer, names);
              const on = chosen.includes(p.payer);
              return (
                <li key={p.payer} className={`split-payer${on ? " chosen" : ""}`}>
                  <button type="button" className="split-payer-chip" aria-pressed={on} onClick={() => toggle(p.payer)}>
                    <span className="split-payer-name">{name}</span>
                    <strong className="num" data-testid={`total-${p.payer}`}>
                      {money(p.totalCents)}
                    </strong>
                  </button>
                  {p.totalCents > 0 && p.dueCents === 0 ? (
                    <span className="badge status-ready split-paid">{strings.split.paid}</span>
                  ) : (
                    <button
                      type="button"
                      className="button small split-pay"
                      disabled={p.dueCents === 0}
                      aria-label={p.dueCents > 0 ? strings.split.payLabel(name, money(p.dueCents)) : undefined}
                      onClick={() => onPay(p.payer)}
                    >
                      {p.dueCents > 0 ? `${strings.split.pay} ${money(p.dueCents)}` : strings.split.pay}
                    </button>
                  )}
                </li>
              );
            })}
            {next <= MAX_PAYER_NUMBER && (
              <li className="split-payer add">
                <button
                  type="button"
                  className="button split-add"
                  aria-label={strings.split.addPersonLabel(next)}
                  onClick={() => {
                    setAdded((a) => [...a, `person:${next}`]);
                    setChosen((c) => [...c, `person:${next}`]);
                  }}
                >
                  {strings.split.addPerson(next)}
                </button>
              </li>
            )}
          </ul>
          {bySeat.length > 0 && (
            <button
              type="button"
              className="button split-by-seat"
              disabled={busy}
              onClick={async () => {
                for (const line of bySeat) await assign(line, [`seat:${lineSeats.get(line.key)}`]);
              }}
            >
              {strings.split.bySeat(bySeat.length)}
            </button>
          )}
          <p id={`${ids}-hint`} className="muted small">
            {chosen.length === 0 ? strings.split.hint : strings.split.givingTo(chosenNames)}
          </p>
        </section>

        <section aria-label={strings.split.lines} className="split-lines-panel">
          <ul className="split-panel-lines">
            {bill.lines.map((line) => {
              const who = cells.get(line.key) ?? [];
              const item = `${t("order.times", { n: line.quantity })} ${line.productName}`;
              return (
                <li key={line.key} className={who.length === 0 ? "split-panel-line unclaimed" : "split-panel-line"}>
                  <button
                    type="button"
                    className="split-line-button"
                    disabled={busy}
                    aria-describedby={`${ids}-hint`}
                    onClick={() => (chosen.length === 0 ? setProblem(strings.split.chooseFirst) : void assign(line, chosen))}
                  >
                    <span className="split-line-item">{item}</span>
                    <span className="num">{money(line.lineCents)}</span>
                    <span className="split-line-who">
                      {who.length === 0
                        ? strings.split.nobody
                        : who.map((c) => (
                            <span key={c.payer} className="split-who-chip">
                              {payerLabel(c.payer, names)} <span className="num">{money(c.cents)}</span>
                            </span>
                          ))}
                    </span>
                  </button>
                  {who.length > 0 && (
                    <button
                      type="button"
                      className="button small"
                      disabled={busy}
                      aria-label={strings.split.clearLabel(item)}
                      onClick={() => void assign(line, [])}
                    >
                      {strings.split.clear}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>

        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <p className="split-sums" data-testid="split-sums">
          {strings.split.sums(money(shares), money(split.unclaimedCents), money(split.totalCents))}
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={onClose}>
            {strings.payment.done}
          </button>
        </div>
      </div>
    </Modal>
  );
}
