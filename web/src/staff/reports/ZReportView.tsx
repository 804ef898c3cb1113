import type { DayReportDto, ReportTotalsDto } from "@ordered/contract/client";
import { useMemo } from "react";
import { BarChart } from "./BarChart";
import type { ReportFormat } from "./report-format";
import type { ReportStrings } from "./report-strings";

interface Props {
  report: DayReportDto;
  s: ReportStrings;
  f: ReportFormat;
}

/** A money cell: right-aligned, tabular figures. */
const Money = ({ cents, f }: { cents: number; f: ReportFormat }) => <td className="num">{f.money(cents)}</td>;

/** The sums every report shows: tax rates, the way from lines to total, payments by method. */
export function TotalsSections({ totals: t, s, f }: { totals: ReportTotalsDto; s: ReportStrings; f: ReportFormat }) {
  return (
    <>
      <dl className="report-summary" data-testid="report-summary">
        <div>
          <dt>{s.receipts}</dt>
          <dd data-testid="total-receipts">
            {t.receipts}
            {t.firstReceipt !== null && t.lastReceipt !== null && (
              <span className="muted small"> {s.receiptRange(t.firstReceipt, t.lastReceipt)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{s.gross}</dt>
          <dd data-testid="total-gross">{f.money(t.totalCents)}</dd>
        </div>
        <div>
          <dt>{s.net}</dt>
          <dd data-testid="total-net">{f.money(t.netCents)}</dd>
        </div>
        <div>
          <dt>{s.tax}</dt>
          <dd data-testid="total-tax">{f.money(t.taxCents)}</dd>
        </div>
        <div>
          <dt>{s.tips}</dt>
          <dd data-testid="total-tips">{f.money(t.tipCents)}</dd>
        </div>
        <div>
          <dt>{s.paid}</dt>
          <dd>{f.money(t.paidCents)}</dd>
        </div>
        {t.waivedCents > 0 && (
          <div>
            <dt>{s.waived}</dt>
            <dd>{f.money(t.waivedCents)}</dd>
          </div>
        )}
        {t.refundedCents > 0 && (
          <div>
            <dt>{s.refunded}</dt>
            <dd>{f.money(t.refundedCents)}</dd>
          </div>
        )}
      </dl>
      <div className="report-grid">
        <section>
          <h3>{s.byTaxRate}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.rate}</th>
                <th className="num">{s.net}</th>
                <th className="num">{s.tax}</th>
                <th className="num">{s.gross}</th>
              </tr>
            </thead>
            <tbody>
              {t.taxes.map((x) => (
                <tr key={`${x.rateBps}/${x.name}`}>
                  <td>
                    {x.name ? `${x.name} ` : ""}
                    {x.rateBps === 0 ? s.untaxed : f.percent(x.rateBps)}
                  </td>
                  <Money cents={x.netCents} f={f} />
                  <Money cents={x.taxCents} f={f} />
                  <Money cents={x.grossCents} f={f} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>{s.total}</th>
                <Money cents={t.netCents} f={f} />
                <Money cents={t.taxCents} f={f} />
                <Money cents={t.totalCents} f={f} />
              </tr>
            </tfoot>
          </table>
        </section>
        <section>
          <h3>{s.reconciliation}</h3>
          <table className="report-table">
            <tbody>
              <tr>
                <td>{s.lines}</td>
                <Money cents={t.linesCents} f={f} />
              </tr>
              <tr>
                <td>− {s.lineCorrections}</td>
                <Money cents={t.lineCorrectionsCents} f={f} />
              </tr>
              <tr>
                <td>= {s.subtotal}</td>
                <Money cents={t.subtotalCents} f={f} />
              </tr>
              <tr>
                <td>− {s.billDiscounts}</td>
                <Money cents={t.billDiscountCents} f={f} />
              </tr>
              <tr>
                <td>+ {s.serviceCharge}</td>
                <Money cents={t.serviceChargeCents} f={f} />
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th>= {s.total}</th>
                <Money cents={t.totalCents} f={f} />
              </tr>
            </tfoot>
          </table>
        </section>
        <section>
          <h3>{s.byMethod}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.method}</th>
                <th className="num">{s.count}</th>
                <th className="num">{s.payments}</th>
                <th className="num">{s.refunds}</th>
                <th className="num">{s.paid}</th>
                <th className="num">{s.tips}</th>
              </tr>
            </thead>
            <tbody>
              {t.payments.map((m) => (
                <tr key={m.method}>
                  <td>{s.methods[m.method] ?? m.method}</td>
                  <td className="num">{m.count}</td>
                  <Money cents={m.paymentsCents} f={f} />
                  <Money cents={m.refundsCents} f={f} />
                  <Money cents={m.netCents} f={f} />
                  <Money cents={m.tipCents} f={f} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>{s.total}</th>
                <td className="num">{t.payments.reduce((n, m) => n + m.count, 0)}</td>
                <Money cents={t.paidCents + t.refundedCents} f={f} />
                <Money cents={t.refundedCents} f={f} />
                <Money cents={t.paidCents} f={f} />
                <Money cents={t.tipCents} f={f} />
              </tr>
            </tfoot>
          </table>
        </section>
      </div>
    </>
  );
}

/** Categories, the product mix and the staff: over a day or a range. */
export function MixSections({
  report,
  s,
  f,
}: {
  report: Pick<DayReportDto, "categories" | "products" | "staff">;
  s: ReportStrings;
  f: ReportFormat;
}) {
  // The best sellers by amount (the table below has them all).
  const top = useMemo(() => report.products.slice(0, 12), [report.products]);
  const labels = useMemo(() => top.map((p) => p.productName), [top]);
  const values = useMemo(() => top.map((p) => p.cents), [top]);
  return (
    <>
      {top.length > 0 && (
        <BarChart title={s.productMix} labels={labels} values={values} formatValue={f.money} loadingText={s.chartLoading} />
      )}
      <div className="report-grid">
        <section>
          <h3>{s.byCategory}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.category}</th>
                <th className="num">{s.quantity}</th>
                <th className="num">{s.gross}</th>
              </tr>
            </thead>
            <tbody>
              {report.categories.map((c) => (
                <tr key={c.category ?? ""}>
                  <td>{c.category ?? s.noCategory}</td>
                  <td className="num">{c.quantity}</td>
                  <Money cents={c.cents} f={f} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3>{s.byStaff}</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.staffMember}</th>
                <th className="num">{s.receipts}</th>
                <th className="num">{s.sales}</th>
                <th className="num">{s.paid}</th>
                <th className="num">{s.tips}</th>
              </tr>
            </thead>
            <tbody>
              {report.staff.map((m) => (
                <tr key={m.staffId ?? m.name ?? ""}>
                  <td>{m.name ?? s.nobody}</td>
                  <td className="num">{m.receipts}</td>
                  <Money cents={m.salesCents} f={f} />
                  <Money cents={m.paidCents} f={f} />
                  <Money cents={m.tipCents} f={f} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section>
        <h3>{s.productMix}</h3>
        <table className="report-table">
          <thead>
            <tr>
              <th>{s.product}</th>
              <th>{s.category}</th>
              <th className="num">{s.quantity}</th>
              <th className="num">{s.lines}</th>
              <th className="num">{s.off}</th>
              <th className="num">{s.gross}</th>
            </tr>
          </thead>
          <tbody>
            {report.products.map((p) => (
              <tr key={p.productId ?? p.productName}>
                <td>{p.productName}</td>
                <td>{p.category ?? s.noCategory}</td>
                <td className="num">{p.quantity}</td>
                <Money cents={p.grossCents} f={f} />
                <Money cents={p.offCents} f={f} />
                <Money cents={p.cents} f={f} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** Sales per hour of the clock, from the cut-off round. */
export function HoursChart({ hours, s, f }: { hours: DayReportDto["hours"]; s: ReportStrings; f: ReportFormat }) {
  const labels = useMemo(() => hours.map((h) => f.hour(h.hour)), [hours, f]);
  const values = useMemo(() => hours.map((h) => h.cents), [hours]);
  return <BarChart title={s.salesPerHour} labels={labels} values={values} formatValue={f.money} loadingText={s.chartLoading} />;
}

/** The Z report of one business day, in the sections the issue lists. */
export function ZReportView({ report, s, f }: Props) {
  return (
    <div className="z-report" data-testid="z-report">
      {report.openSessions.length > 0 && (
        <section className="card warning" aria-labelledby="open-sessions" role="note">
          <h3 id="open-sessions">{s.openSessions}</h3>
          <p>{s.openSessionsWarning}</p>
          <ul>
            {report.openSessions.map((o) => (
              <li key={o.sessionId}>
                <strong>{o.label}</strong> · {s.openedAt} {f.dateTime(o.openedAt)} · {s.billed} {f.money(o.totalCents)} · {s.paid}{" "}
                {f.money(o.paidCents)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.totals.receipts === 0 && <p className="muted">{s.noReceipts}</p>}
      <TotalsSections totals={report.totals} s={s} f={f} />
      <HoursChart hours={report.hours} s={s} f={f} />
      <MixSections report={report} s={s} f={f} />
      <section>
        <h3>{s.adjustments}</h3>
        {report.adjustments.length === 0 ? (
          <p className="muted">{s.noAdjustments}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.kind}</th>
                <th>{s.receipt}</th>
                <th>{s.table}</th>
                <th>{s.what}</th>
                <th className="num">{s.amount}</th>
                <th>{s.reason}</th>
                <th>{s.by}</th>
                <th>{s.time}</th>
              </tr>
            </thead>
            <tbody>
              {report.adjustments.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is a stored report's, never reordered
                <tr key={i}>
                  <td>
                    {s.kinds[a.kind] ?? a.kind}
                    {a.method ? ` (${s.methods[a.method] ?? a.method})` : ""}
                  </td>
                  <td>{a.receiptNumber ?? "–"}</td>
                  <td>{a.label}</td>
                  <td>{a.what ?? s.wholeBill}</td>
                  <Money cents={a.amountCents} f={f} />
                  <td>{a.reason ?? "–"}</td>
                  <td>
                    {a.by ?? s.nobody}
                    {a.approvedBy ? ` (${s.approvedBy} ${a.approvedBy})` : ""}
                  </td>
                  <td>{f.time(a.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {report.receipts.length > 0 && (
        <details className="report-receipts">
          <summary>{s.receiptList}</summary>
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.receipt}</th>
                <th>{s.table}</th>
                <th>{s.closedAtColumn}</th>
                <th>{s.by}</th>
                <th className="num">{s.gross}</th>
                <th className="num">{s.tips}</th>
              </tr>
            </thead>
            <tbody>
              {report.receipts.map((r) => (
                <tr key={r.sessionId}>
                  <td>{r.number}</td>
                  <td>{r.label}</td>
                  <td>{f.time(r.closedAt)}</td>
                  <td>{r.closedBy ?? s.nobody}</td>
                  <Money cents={r.totalCents} f={f} />
                  <Money cents={r.tipCents} f={f} />
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
