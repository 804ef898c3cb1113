/** How the reports page writes money, days and times: in its language, the venue's currency and clock. */
import { formattingLocale, type Language } from "../../i18n/languages";

export interface ReportFormat {
  money: (cents: number) => string;
  /** "Tuesday, 24 December 2026" for a business day. */
  day: (day: string) => string;
  /** "24 Dec 2026, 23:40" on the venue's clock. */
  dateTime: (iso: string) => string;
  /** "23:40" on the venue's clock. */
  time: (iso: string) => string;
  hour: (hour: number) => string;
  percent: (bps: number) => string;
}

export function reportFormat(language: Language, currency: string, timeZone: string): ReportFormat {
  const preferred = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  const locale = formattingLocale(language, preferred);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
  const zone = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // A zone this browser does not know: its own clock rather than nothing.
      return new Intl.DateTimeFormat(locale, options);
    }
  };
  const dateTime = zone({ dateStyle: "medium", timeStyle: "short" });
  const time = zone({ timeStyle: "short" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  return {
    money: (cents) => money.format(cents / 100),
    day: (d) => day.format(new Date(`${d}T00:00:00Z`)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    hour: (h) => `${String(h).padStart(2, "0")}:00`,
    percent: (bps) => percent.format(bps / 10_000),
  };
}
