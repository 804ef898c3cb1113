// Issue 33, item 3: the range report's CSV opens with the same totals as the JSON report — a
// row per business day and a total row that is their sum — with amounts as plain decimals and
// the currency, fields escaped as RFC 4180 says, and a venue's text never run as a formula.
import { decimalText, type ReportTotalsDto } from "@ordered/contract";
import { csvField } from "../../src/days/report-csv.js";
import { describe, expect, it } from "../support/kit.js";
import { DIAVOLA, LEMONADE, moveToDay, payAndClose, tableWithOrder } from "./days-kit.js";

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("the report's CSV", () => {
  it("has a row per day and a total row equal to the JSON report's totals", async ({ server, worker, venue, prisma }) => {
    expect(worker).toBeDefined();
    const token = venue.staffToken;
    // A rate whose name needs quoting and would be a formula in a spreadsheet.
    const rate = await prisma.taxRate.create({ data: { locationId: venue.locationId, name: '=Std, "A"', rateBps: 1900, position: 0 } });
    await prisma.product.update({ where: { id: venue.products[DIAVOLA]!.id }, data: { taxRateId: rate.id } });
    const t1 = await tableWithOrder(server, venue, prisma, [
      [DIAVOLA, 1],
      [LEMONADE, 1],
    ]);
    await payAndClose(server, venue, t1.session.id, "CARD", 100);
    const t2 = await tableWithOrder(server, venue, prisma, [[DIAVOLA, 3]]);
    await payAndClose(server, venue, t2.session.id, "CASH");
    const t3 = await tableWithOrder(server, venue, prisma, [[LEMONADE, 2]]);
    await payAndClose(server, venue, t3.session.id, "CASH");
    await moveToDay(prisma, [t1.session.id, t2.session.id], "2026-05-01");
    await moveToDay(prisma, [t3.session.id], "2026-05-03");
    const query = { from: "2026-04-30", to: "2026-05-03" };

    const json = (await server.api.route("GET /api/reports", { token, query })).report;
    const res = await fetch(`${server.url}/api/reports/days.csv?from=${query.from}&to=${query.to}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe("attachment; filename=report-2026-04-30_2026-05-03.csv");
    // UTF-8 with a byte order mark (for Excel); a decoder drops it.
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(rows.map((r) => r[0])).toEqual(["2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03", "Total"]);
    expect(header).toContain('net =Std, "A" 19%');
    expect(text).toContain('"net =Std, ""A"" 19%"');
    const col = (name: string) => header!.indexOf(name);
    const total = rows.at(-1)!;
    const t: ReportTotalsDto = json.totals;
    expect([total[col("currency")], total[col("receipts")], total[col("gross")], total[col("net")], total[col("tax")]]).toEqual([
      "EUR",
      String(t.receipts),
      decimalText(t.totalCents),
      decimalText(t.netCents),
      decimalText(t.taxCents),
    ]);
    expect([total[col("paid CASH")], total[col("paid CARD")], total[col("tips")]]).toEqual([
      decimalText(t.payments.find((p) => p.method === "CASH")!.netCents),
      decimalText(t.payments.find((p) => p.method === "CARD")!.netCents),
      "1.00",
    ]);
    // Every money column of the total row is the sum of the day rows, to the cent.
    const cents = (s: string) => Math.round(Number(s) * 100);
    for (let c = col("gross"); c < header!.length; c++) {
      const days = rows.slice(0, -1).reduce((s, r) => s + cents(r[c]!), 0);
      expect([header![c], days], header![c]).toEqual([header![c], cents(total[c]!)]);
    }
    // And the day rows are the JSON's days.
    expect(rows.slice(0, -1).map((r) => [r[col("closed")], cents(r[col("gross")]!)])).toEqual(
      json.days.map((d) => [d.closed ? "yes" : "no", d.totalCents]),
    );
    expect(t.totalCents).toBe(1250 + 450 + 3 * 1250 + 2 * 450);
  });

  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect([csvField(12), csvField(null), csvField(true)]).toEqual(["12", "", "true"]);
  });
});
