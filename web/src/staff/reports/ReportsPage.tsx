import { addDays, businessDayOf, can, type DayReportDto, dayCount, MAX_REPORT_DAYS, type RangeReportDto } from "@ordered/contract/client";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { api } from "../../api/http";
import type { StaffAuth } from "../../components/auth/staff-auth";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { BarChart } from "./BarChart";
import { reportFormat } from "./report-format";
import { REPORT_STRINGS, reportLanguage } from "./report-strings";
import { HoursChart, MixSections, TotalsSections, ZReportView } from "./ZReportView";
import "./reports.css";

/**
 * /panel/reports (issue 33, end of day): a business day's Z report, closing the day, and
 * reports over a range of days with their charts and CSV. Its own chunk (StaffShell loads it
 * lazily), and uPlot a chunk of its own inside it (BarChart).
 */
export default function ReportsPage({ auth }: { auth: StaffAuth }) {
  const { location, role } = auth.staff;
  const language = useMemo(reportLanguage, []);
  const s = REPORT_STRINGS[language];
  // Today as the server says it (its clock, the venue's zone and cut-off as stored now); until
  // it answered, as this device reckons it from the account's copy of the location.
  const [today, setToday] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [report, setReport] = useState<DayReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<{ clientCloseId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Times on the venue's clock as the report states it (a zone changed on another device included).
  const timeZone = report?.timeZone ?? location.timeZone;
  const f = useMemo(() => reportFormat(language, location.currency, timeZone), [language, location.currency, timeZone]);

  useEffect(() => {
    let stale = false;
    setError(null);
    api("GET /api/reports/day", { token: auth.token, query: day ? { date: day } : {} })
      .then((res) => {
        if (stale) return;
        setReport(res.report);
        if (!day) {
          setToday(res.report.businessDay);
          setDay(res.report.businessDay);
        }
      })
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [auth.token, day]);

  async function closeDay(clientCloseId: string) {
    if (!day) return;
    // Confirming in the dialog, which lists the tables still open, acknowledges them.
    const res = await api("POST /api/days/close", {
      token: auth.token,
      body: { clientCloseId, businessDay: day, acknowledgeOpen: true },
    });
    setReport(res.report);
    setNotice(s.closeDayDone(f.day(day)));
  }

  const shown = day !== null && report?.businessDay === day ? report : null;
  const last = today ?? businessDayOf(new Date(), location.timeZone, location.dayCutoffHour);
  const mayClose = can(role, "day.close") && shown !== null && shown.close === null && shown.businessDay <= last;

  return (
    <main className="reports-page" lang={language}>
      <div className="page-head">
        <h1>{s.title}</h1>
      </div>
      <section className="card" aria-labelledby="z-title">
        <h2 id="z-title">{s.zTitle}</h2>
        <div className="report-controls">
          <label className="field">
            <span>{s.day}</span>
            <input type="date" name="day" value={day ?? ""} max={last} onChange={(e) => e.target.value && setDay(e.target.value)} />
          </label>
          <button type="button" className="button touch" onClick={() => day && setDay(addDays(day, -1))} disabled={!day}>
            {s.previousDay}
          </button>
          <button type="button" className="button touch" onClick={() => day && setDay(addDays(day, 1))} disabled={!day || day >= last}>
            {s.nextDay}
          </button>
          <button type="button" className="button touch" onClick={() => setDay(last)} disabled={day === last}>
            {s.today}
          </button>
          {mayClose && (
            <button type="button" className="button primary touch" onClick={() => setClosing({ clientCloseId: crypto.randomUUID() })}>
              {s.closeDay}
            </button>
          )}
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p role="status" className="saved-status">
          {notice ?? ""}
        </p>
        {!shown && !error && <p className="muted">{s.loading}</p>}
        {shown && (
          <>
            <p className="report-day" data-testid="day-status">
              <strong>{f.day(shown.businessDay)}</strong> · {s.dayRuns(f.dateTime(shown.startsAt), f.dateTime(shown.endsAt))} ·{" "}
              {shown.close ? (
                <span className="badge closed">
                  {shown.close.closedBy
                    ? s.closedBy(shown.close.closedBy, f.dateTime(shown.close.closedAt))
                    : s.closedAt(f.dateTime(shown.close.closedAt))}
                </span>
              ) : (
                <span className="badge">{s.open}</span>
              )}
            </p>
            <ZReportView report={shown} s={s} f={f} />
          </>
        )}
      </section>
      {today && <RangeSection auth={auth} today={today} s={s} f={f} />}
      {closing && shown && (
        <ConfirmDialog
          title={s.closeDayTitle(f.day(shown.businessDay))}
          message={`${s.closeDayMessage}${shown.openSessions.length > 0 ? ` ${s.closeDayOpen(shown.openSessions.length)}` : ""}`}
          confirmLabel={s.closeDayConfirm}
          onConfirm={() => closeDay(closing.clientCloseId)}
          onClose={() => setClosing(null)}
        />
      )}
    </main>
  );
}

type Strings = (typeof REPORT_STRINGS)["en"];

/** Business days from–to: totals, a chart and a row per day, the hours, the mix, and the CSV. */
function RangeSection({ auth, today, s, f }: { auth: StaffAuth; today: string; s: Strings; f: ReturnType<typeof reportFormat> }) {
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<RangeReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState({ from: addDays(today, -6), to: today });

  useEffect(() => {
    let stale = false;
    setError(null);
    api("GET /api/reports", { token: auth.token, query: asked })
      .then((res) => !stale && setReport(res.report))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [auth.token, asked]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (to < from) return setError(s.rangeOrder);
    if (dayCount(from, to) > MAX_REPORT_DAYS) return setError(s.rangeTooLong(MAX_REPORT_DAYS));
    setAsked({ from, to });
  }

  async function download() {
    try {
      const csv = await api("GET /api/reports/days.csv", { token: auth.token, query: asked });
      const url = URL.createObjectURL(csv);
      const a = document.createElement("a");
      a.href = url;
      a.download = `report-${asked.from}_${asked.to}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      // The browser has taken the file by now; the URL need not outlive the next tick.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const labels = useMemo(() => report?.days.map((d) => d.businessDay.slice(5)) ?? [], [report]);
  const values = useMemo(() => report?.days.map((d) => d.totalCents) ?? [], [report]);

  return (
    <section className="card" aria-labelledby="range-title">
      <h2 id="range-title">{s.rangeTitle}</h2>
      <form className="report-controls" onSubmit={submit}>
        <label className="field">
          <span>{s.from}</span>
          <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label className="field">
          <span>{s.to}</span>
          <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className="button touch">
          {s.show}
        </button>
        <button type="button" className="button touch" onClick={download} disabled={!report}>
          {s.downloadCsv}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <div data-testid="range-report">
          <TotalsSections totals={report.totals} s={s} f={f} />
          <BarChart title={s.perDay} labels={labels} values={values} formatValue={f.money} loadingText={s.chartLoading} />
          <table className="report-table">
            <thead>
              <tr>
                <th>{s.dayColumn}</th>
                <th>{s.closedColumn}</th>
                <th className="num">{s.receipts}</th>
                <th className="num">{s.net}</th>
                <th className="num">{s.tax}</th>
                <th className="num">{s.gross}</th>
                <th className="num">{s.tips}</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={d.businessDay}>
                  <td>{f.day(d.businessDay)}</td>
                  <td>{d.closed ? s.yes : s.no}</td>
                  <td className="num">{d.receipts}</td>
                  <td className="num">{f.money(d.netCents)}</td>
                  <td className="num">{f.money(d.taxCents)}</td>
                  <td className="num">{f.money(d.totalCents)}</td>
                  <td className="num">{f.money(d.tipCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <HoursChart hours={report.hours} s={s} f={f} />
          <MixSections report={report} s={s} f={f} />
        </div>
      )}
    </section>
  );
}
