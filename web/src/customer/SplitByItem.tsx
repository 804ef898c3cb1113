import { type BillClaimDto, type BillDto, MAX_CLAIM_WEIGHT, type PaymentDto } from "@ordered/contract/client";
import { useId, useState } from "react";
import { t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import { useCommands } from "../realtime/live-context";
import { payerName, phoneSplit, shareTargets, type TablePhone } from "./split-names";

interface Props {
  bill: BillDto;
  claims: readonly BillClaimDto[];
  payments: readonly PaymentDto[];
  /** This phone's customer id. */
  me: string;
  phones: readonly TablePhone[];
}

/**
 * The bill split by item on a guest's phone: every line with who pays it; "Mine", "Me too",
 * "Not mine" and "Share…" set this phone's claims (bill:claim); what this phone owes, what
 * nobody claimed yet, and every payer's total, to the cent (the contract's billSplit, the same
 * computation as the panel's).
 */
export function SplitByItem({ bill, claims, payments, me, phones }: Props) {
  const commands = useCommands();
  const ids = useId();
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const names = new Map(phones.map((p) => [p.id, p.displayName]));
  const split = phoneSplit(bill, claims, payments, me, phones);
  const myKey = `phone:${me}`;
  const mine = split.payers.find((p) => p.payer === myKey);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const targets = shareTargets(split, me, phones);
  const cellsOf = new Map<string, { payer: string; cents: number }[]>();
  for (const p of split.payers)
    for (const l of p.lines) cellsOf.set(l.line, [...(cellsOf.get(l.line) ?? []), { payer: p.payer, cents: l.cents }]);
  const weights = new Map(claims.map((c) => [`${c.line}|${c.payer}`, c.weight]));

  async function claim(line: (typeof bill.lines)[number], set: { payer: string; weight: number }[]) {
    setBusy(line.key);
    setProblem(null);
    try {
      await commands.send("bill:claim", { orderId: line.orderId, position: line.position, claims: set });
      setSharing(null);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  if (bill.lines.length === 0) return null;
  return (
    <section aria-labelledby={`${ids}-title`} className="phone-split">
      <h2 id={`${ids}-title`}>{t("split.title")}</h2>
      <p className="muted small">{t("split.intro")}</p>

      <div className="split-me" aria-live="polite">
        <span>{t("split.yourShare")}</span>
        <strong className="split-me-amount" data-testid="my-share">
          {money(mine?.totalCents ?? 0)}
        </strong>
        {mine && mine.paidCents > 0 && (
          <span className="small">
            {t("split.paid", { amount: money(mine.paidCents) })} · {t("split.toPay", { amount: money(mine.dueCents) })}
          </span>
        )}
      </div>

      <ul className="split-lines" aria-label={t("phoneBill.lines")}>
        {bill.lines.map((line) => {
          const cells = cellsOf.get(line.key) ?? [];
          const claimsIt = cells.some((c) => c.payer === myKey);
          const label = `${t("order.times", { n: line.quantity })} ${line.productName}`;
          return (
            <li key={line.key} className={`split-line${claimsIt ? " mine" : ""}${cells.length === 0 ? " unclaimed" : ""}`}>
              <div className="split-line-head">
                <span className="split-line-name">{label}</span>
                <span className="split-amount">{money(line.lineCents)}</span>
              </div>
              <ul className="split-who" aria-label={t("split.whoPaysLine", { item: line.productName })}>
                {cells.length === 0 ? (
                  <li className="split-chip nobody">{t("split.nobody")}</li>
                ) : (
                  cells.map((c) => {
                    const weight = weights.get(`${line.key}|${c.payer}`) ?? 1;
                    return (
                      <li key={c.payer} className={`split-chip${c.payer === myKey ? " me" : ""}`}>
                        {payerName(c.payer, me, names)}
                        {weight > 1 && <span className="split-weight"> ×{weight}</span>} ·{" "}
                        <span className="split-amount">{money(c.cents)}</span>
                      </li>
                    );
                  })
                )}
              </ul>
              <div className="split-actions">
                <button
                  type="button"
                  className={cells.length === 0 ? "button primary" : "button"}
                  disabled={busy !== null}
                  aria-label={`${claimsIt ? t("split.notMine") : cells.length === 0 ? t("split.mine") : t("split.meToo")}: ${label}`}
                  onClick={() => void claim(line, [{ payer: myKey, weight: claimsIt ? 0 : 1 }])}
                >
                  {claimsIt ? t("split.notMine") : cells.length === 0 ? t("split.mine") : t("split.meToo")}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  aria-expanded={sharing === line.key}
                  aria-label={`${t("split.share")}: ${label}`}
                  onClick={() => {
                    setSharing(sharing === line.key ? null : line.key);
                    setChosen(new Set(cells.map((c) => c.payer).filter((p) => p !== myKey)));
                  }}
                >
                  {t("split.share")}
                </button>
              </div>
              {claimsIt && cells.length > 1 && (
                <div className="split-parts">
                  <span id={`${ids}-${line.key}-parts`}>
                    {t("split.myParts", {
                      n: weights.get(`${line.key}|${myKey}`) ?? 1,
                      total: claims.filter((c) => c.line === line.key).reduce((sum, c) => sum + c.weight, 0),
                    })}
                  </span>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null || (weights.get(`${line.key}|${myKey}`) ?? 1) <= 1}
                    aria-label={`${t("split.fewerParts")}: ${label}`}
                    onClick={() => void claim(line, [{ payer: myKey, weight: (weights.get(`${line.key}|${myKey}`) ?? 1) - 1 }])}
                  >
                    −
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null || (weights.get(`${line.key}|${myKey}`) ?? 1) >= MAX_CLAIM_WEIGHT}
                    aria-label={`${t("split.moreParts")}: ${label}`}
                    onClick={() => void claim(line, [{ payer: myKey, weight: (weights.get(`${line.key}|${myKey}`) ?? 1) + 1 }])}
                  >
                    +
                  </button>
                </div>
              )}
              {sharing === line.key && (
                <fieldset className="split-share">
                  <legend>{t("split.shareWith", { item: line.productName })}</legend>
                  <button
                    type="button"
                    className="button primary"
                    disabled={busy !== null || targets.length === 0}
                    onClick={() => void claim(line, [{ payer: myKey, weight: 1 }, ...targets.map((payer) => ({ payer, weight: 1 }))])}
                  >
                    {t("split.everyone")}
                  </button>
                  {targets.length === 0 ? (
                    <p className="muted small">{t("split.nobodyElse")}</p>
                  ) : (
                    targets.map((payer) => (
                      <label key={payer} className="split-pick">
                        <input
                          type="checkbox"
                          checked={chosen.has(payer)}
                          onChange={(e) => {
                            const next = new Set(chosen);
                            if (e.target.checked) next.add(payer);
                            else next.delete(payer);
                            setChosen(next);
                          }}
                        />
                        {payerName(payer, me, names)}
                      </label>
                    ))
                  )}
                  <div className="split-actions">
                    <button type="button" className="button" onClick={() => setSharing(null)}>
                      {t("common.cancel")}
                    </button>
                    <button
                      type="button"
                      className="button primary"
                      disabled={busy !== null || chosen.size === 0}
                      onClick={() => void claim(line, [{ payer: myKey, weight: 1 }, ...[...chosen].map((payer) => ({ payer, weight: 1 }))])}
                    >
                      {t("split.shareSend")}
                    </button>
                  </div>
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}

      <p className={split.unclaimedCents === 0 ? "split-rest done" : "split-rest"} data-testid="unclaimed">
        {split.unclaimedCents === 0 ? t("split.allClaimed") : t("split.unclaimed", { amount: money(split.unclaimedCents) })}
      </p>

      <h3 className="split-totals-title">{t("split.whoPays")}</h3>
      <dl className="split-totals">
        {split.payers
          .filter((p) => p.totalCents !== 0 || p.paidCents !== 0)
          .map((p) => (
            <div key={p.payer} className={`split-total${p.payer === myKey ? " me" : ""}`}>
              <dt>{payerName(p.payer, me, names)}</dt>
              <dd>
                {money(p.totalCents)}
                {p.paidCents > 0 && (
                  <span className="small muted">
                    {" "}
                    · {p.dueCents === 0 ? t("split.settled") : t("split.toPay", { amount: money(p.dueCents) })}
                  </span>
                )}
              </dd>
            </div>
          ))}
        {split.unclaimedCents !== 0 && (
          <div className="split-total rest">
            <dt>{t("split.notClaimed")}</dt>
            <dd>{money(split.unclaimedCents)}</dd>
          </div>
        )}
        <div className="split-total sum">
          <dt>{t("phoneBill.total")}</dt>
          <dd>{money(split.totalCents)}</dd>
        </div>
      </dl>
    </section>
  );
}
