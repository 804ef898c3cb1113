// Issue 33: a closed session's receipt e-mailed — by a phone of the table in its language, or by
// staff — through a real SMTP stand-in started here, once per client-made id, logged (masked) in
// the session's log; a failure is a clear answer and the same id may try again.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { taxOnNet } from "@ordered/contract";
import { MAIL_MESSAGES } from "../../src/receipts/mail-messages.js";
import { startSmtpStandIn } from "../../src/tools/smtp-stand-in.js";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { acceptedOrder } from "./session-kit.js";

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/src/locales");

describe("e-mailed receipts", () => {
  it("go to the guest's address in the phone's language, with the receipt's number, lines, tax lines and both parts; once per id; logged masked; a refusal is MAIL_FAILED and the id may retry", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
    startServer,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the orders
    const smtp = await startSmtpStandIn();
    try {
      const mailing = await startServer({
        SMTP_URL: smtp.url,
        MAIL_FROM: '"Trattoria Rossi" <receipts@rossi.test>',
        RECEIPT_MAIL_RATE_PER_SESSION: "8",
        REDIS_PREFIX: server.config.redisPrefix,
      });
      const token = venue.staffToken;
      const rate = (name: string, rateBps: number, position: number) =>
        prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
      const [a, b] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
      await prisma.category.update({ where: { id: venue.categories.find((c) => c.name === "Pizza")!.id }, data: { taxRateId: a.id } });
      await prisma.product.update({ where: { id: venue.products.find((p) => p.name === "Lemonade")!.id }, data: { taxRateId: b.id } });
      await server.api.route("PATCH /api/location", {
        token,
        body: { legalName: "Trattoria Rossi GmbH", address: "Hauptstraße 1\n10115 Berlin", taxId: "DE123456789", pricesIncludeTax: false },
      });

      const table = await openAndJoin(server, token, `Table ${randomUUID().slice(0, 6)}`);
      const phone = await socket(server, { token: table.customerToken });
      const [, diavola, lemonade] = venue.products;
      await acceptedOrder(prisma, phone, [
        { productId: diavola!.id, quantity: 1 },
        { productId: lemonade!.id, quantity: 1 },
      ]);
      const mailAsPhone = (body: object) => mailing.api.request("POST", "/api/sessions/receipt/mail", { token: table.customerToken, body });

      // Open: nothing to mail yet.
      const early = await mailAsPhone({ clientMailId: randomUUID(), to: "ann@example.com", language: "de" });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("CONFLICT");

      const total = 1250 + taxOnNet(1250, 1900) + 450 + taxOnNet(450, 700);
      await server.api.recordPayment(token, table.session.id, { clientPaymentId: randomUUID(), method: "CARD", amountCents: total });
      const { receipt } = await server.api.route("POST /api/sessions/:id/close", {
        token,
        params: { id: table.session.id },
        body: { unfinished: "finish" },
      });
      expect(receipt.number).toBe(1);

      // The phone mails it, in German.
      const id = randomUUID();
      const sent = await mailAsPhone({ clientMailId: id, to: "ann@example.com", language: "de" });
      expect(sent.status).toBe(201);
      expect(sent.body.mail).toMatchObject({ clientMailId: id, to: "a•••@example.com", language: "de", by: "Ann" });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toEqual(["ann@example.com"]);
      expect(mail.from).toBe("receipts@rossi.test");
      expect(mail.subject).toBe(`${venue.name}: Beleg-Nr. 1`);
      // Intl writes "19 %" and "2,38 €" with a no-break space: compared as plain spaces.
      const text = mail.parts["text/plain"]!.replaceAll("\u00a0", " ");
      const html = mail.parts["text/html"]!.replaceAll("\u00a0", " ");
      expect(text).toBeDefined();
      expect(html).toBeDefined();
      for (const body of [text, html]) {
        expect(body).toContain("Beleg-Nr. 1");
        expect(body).toContain("Trattoria Rossi GmbH");
        expect(body).toContain("Hauptstraße 1");
        expect(body).toContain("USt-IdNr. DE123456789");
        expect(body).toContain("1 × Diavola (A)");
        expect(body).toContain("1 × Lemonade (B)");
        // Net prices: each rate's tax is its own line, and the taxes table lists net/tax/gross.
        expect(body).toContain("Steuer A 19 %");
        expect(body).toContain("Steuer B 7 %");
        expect(body).toContain("2,38 €"); // 12.50 × 19 % = 2.375 → 2.38
        expect(body).toContain("0,32 €"); // 4.50 × 7 % = 0.315 → 0.32
        expect(body).toContain(
          new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(total / 100).replaceAll("\u00a0", " "),
        );
      }
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('lang="de"');

      // A double tap: the same id answers the same mail and sends none.
      const again = await mailAsPhone({ clientMailId: id, to: "ann@example.com", language: "de" });
      expect(again.status).toBe(200);
      expect(again.body.mail).toEqual(sent.body.mail);
      // Two taps at once with a new id: one mail.
      const twice = randomUUID();
      const both = await Promise.all([0, 1].map(() => mailAsPhone({ clientMailId: twice, to: "ann@example.com", language: "de" })));
      expect(both.map((r) => r.status).sort()).toEqual(both.some((r) => r.status === 409) ? [201, 409] : [200, 201]);
      expect(smtp.received).toHaveLength(2);
      // The same id for another address is not the same mail.
      const other = await mailAsPhone({ clientMailId: id, to: "bea@example.com", language: "de" });
      expect(other.status).toBe(409);

      // Not an address: refused naming the field, before anything is sent.
      const bad = await mailAsPhone({ clientMailId: randomUUID(), to: "ann at example", language: "de" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("to");

      // The mail server refuses: a clear failure, nothing logged; the same id then goes through.
      smtp.refuseNext();
      const retryId = randomUUID();
      const refused = await mailAsPhone({ clientMailId: retryId, to: "ann@example.com", language: "en" });
      expect(refused.status).toBe(502);
      expect(refused.body.error.code).toBe("MAIL_FAILED");
      expect(smtp.received).toHaveLength(2);
      const retried = await mailAsPhone({ clientMailId: retryId, to: "ann@example.com", language: "en" });
      expect(retried.status).toBe(201);
      expect(smtp.received[2]!.subject).toBe(`${venue.name}: receipt no. 1`);
      expect(smtp.received[2]!.parts["text/plain"]).toContain("Tax A 19%");

      // Staff mail it from the closed session's receipt.
      const byStaff = await mailing.api.route("POST /api/sessions/:id/receipt/mail", {
        token,
        params: { id: table.session.id },
        body: { clientMailId: randomUUID(), to: "Bea.Guest@example.org", language: "it" },
      });
      expect(byStaff.mail).toMatchObject({ to: "B•••@example.org", language: "it" });
      expect(smtp.received[3]!.to).toEqual(["Bea.Guest@example.org"]);
      expect(smtp.received[3]!.subject).toBe(`${venue.name}: scontrino n. 1`);

      // The session's log: who, when, to whom (masked); the full address is stored nowhere.
      const logged = await prisma.sessionEvent.findMany({
        where: { sessionId: table.session.id, type: "receipt.mailed" },
        orderBy: { seq: "asc" },
      });
      expect(logged.map((e) => (e.payload as { to: string }).to)).toEqual([
        "a•••@example.com",
        "a•••@example.com",
        "a•••@example.com",
        "B•••@example.org",
      ]);
      const rows = await prisma.receiptMail.findMany({ where: { sessionId: table.session.id } });
      expect(rows).toHaveLength(4);
      expect(JSON.stringify(rows)).not.toContain("ann@");
      expect(rows.every((r) => r.sentAt !== null && r.messageId)).toBe(true);

      // Eight mails an hour per table (RECEIPT_MAIL_RATE_PER_SESSION here), refused ones and
      // racing double taps counted: then RATE_LIMITED, and nothing more goes out.
      const statuses: number[] = [];
      for (let i = 0; i < 8 && !statuses.includes(429); i++) {
        statuses.push((await mailAsPhone({ clientMailId: randomUUID(), to: "ann@example.com", language: "de" })).status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
      const limited = await mailAsPhone({ clientMailId: randomUUID(), to: "ann@example.com", language: "de" });
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      expect(smtp.received).toHaveLength(4 + statuses.length - 1);

      // A server without SMTP settings says so, and the apps hide the button.
      expect((await mailing.api.route("GET /api/receipt-mail")).enabled).toBe(true);
      expect((await server.api.route("GET /api/receipt-mail")).enabled).toBe(false);
      const disabled = await server.api.request("POST", "/api/sessions/receipt/mail", {
        token: table.customerToken,
        body: { clientMailId: randomUUID(), to: "ann@example.com" },
      });
      expect(disabled.status).toBe(501);
      expect(disabled.body.error.code).toBe("MAIL_DISABLED");
    } finally {
      await smtp.close();
    }
  });

  it("are refused to another location's staff", async ({ server, venue, otherVenue, startServer }) => {
    const smtp = await startSmtpStandIn();
    try {
      const mailing = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "receipts@rossi.test" });
      const opened = await server.api.openSession(venue.staffToken, "Bar");
      await server.api.closeSession(venue.staffToken, opened.session.id);
      const answer = await mailing.api.request("POST", `/api/sessions/${opened.session.id}/receipt/mail`, {
        token: otherVenue.staffToken,
        body: { clientMailId: randomUUID(), to: "ann@example.com" },
      });
      expect(answer.status).toBe(404);
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it("use the receipt's words as the phone pages have them (web/src/locales)", () => {
    for (const [language, messages] of Object.entries(MAIL_MESSAGES)) {
      const web = JSON.parse(readFileSync(path.join(LOCALES, `${language}.json`), "utf8")) as Record<string, string>;
      for (const [key, text] of Object.entries(messages))
        if (!key.startsWith("mail.")) expect([language, key, text]).toEqual([language, key, web[key]]);
    }
  });
});
