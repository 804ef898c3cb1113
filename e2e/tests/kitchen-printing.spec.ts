// Issue 34, item 3: a guest's order from a phone prints on the grill's printer (the test kit's
// fake ESC/POS printer on loopback, parsing the bytes back) and shows on the grill's display;
// when the printer runs out of paper the panel and the display say so at once, the next ticket
// comes out on the station's backup printer, and the alert goes once paper is back.
import { randomUUID } from "node:crypto";
import { startFakePrinter } from "../../server/dist/tools/fake-printer.js";
import { expect, test } from "../support/fixtures.js";
import { createAccount, type Display, launchWithSound, openDisplay, placeOrder, ticketOn } from "../support/kitchen.js";
import { createTable } from "../support/phone-side.js";

test.use({ launchOptions: launchWithSound });

const displays: Display[] = [];
test.afterEach(async () => {
  await Promise.all(displays.splice(0).map((d) => d.context.close()));
});

test("a phone's order prints on the grill and shows on its display; paper out alerts the panel and the display, the backup prints, the alert clears", async ({
  browser,
  panel,
  api,
  venue,
  phones,
  prisma,
}) => {
  const token = venue.staffToken;
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const grillFake = await startFakePrinter();
  const backupFake = await startFakePrinter();
  try {
    const tag = randomUUID().slice(0, 4);
    const { printer: grill } = await api.route("POST /api/printers", {
      token,
      body: { name: `Grill ${tag}`, host: grillFake.host, port: grillFake.port, paperWidthMm: 80 },
    });
    const { printer: backup } = await api.route("POST /api/printers", {
      token,
      body: { name: `Pass ${tag}`, host: backupFake.host, port: backupFake.port, paperWidthMm: 80 },
    });
    await api.route("PUT /api/stations/:id/printers", {
      token,
      params: { id: kitchenId },
      body: { printerIds: [grill.id], backupPrinterId: backup.id },
    });
    const cook = await createAccount(api, token, "KITCHEN", `grill-${tag}@e2e.ordered`);
    const display = await openDisplay(browser, kitchenId, cook);
    displays.push(display);

    const table = await createTable(api, token, "Table 6");
    const { session } = await api.seatTable(token, table.id);
    const phone = await phones.join(session.joinUrl, "Lea");
    await placeOrder(phone.page, ["Margherita"]);

    // On the display and on paper: the same ticket, cut.
    await expect(ticketOn(display.page, "Table 6 #1")).toContainText("Margherita");
    const [ticket] = await grillFake.waitForDocuments(1, 10_000);
    const text = ticket!.lines.map((l) => l.text).join("\n");
    expect(text).toContain("Table 6 #1");
    expect(text).toContain("Margherita");
    expect(ticket!.cut).not.toBe("none");

    // The printer confirmed it (its status asked after the job): only then does the paper run out,
    // or the unconfirmed first ticket would rightly print again on the backup, marked REPRINT.
    await expect
      .poll(async () => (await prisma.printJob.findFirst({ where: { madeForId: grill.id } }))?.status, { timeout: 10_000 })
      .toBe("PRINTED");

    // Paper out: the panel and the display say which printer and what is wrong, and where its tickets go.
    await grillFake.setMode("paperOut");
    await placeOrder(phone.page, ["Diavola"]);
    const panelAlert = panel.locator("[data-printer-alert]");
    await expect(panelAlert).toContainText(`Printer Grill ${tag} is not printing: paper out`, { timeout: 5_000 });
    await expect(panelAlert).toContainText(`its tickets print on Pass ${tag}`);
    await expect(display.page.locator("[data-printer-alert]")).toContainText("paper out", { timeout: 5_000 });
    const [onBackup] = await backupFake.waitForDocuments(1, 10_000);
    expect(onBackup!.lines.map((l) => l.text).join("\n")).toContain("Table 6 #2");
    await expect(ticketOn(display.page, "Table 6 #2")).toContainText("Diavola");
    await panel.screenshot({ path: test.info().outputPath("panel-printer-alert.png") });
    await display.page.screenshot({ path: test.info().outputPath("display-printer-alert.png") });

    // Paper back in: the alert goes on both.
    await grillFake.setMode("ok");
    await expect(panelAlert).toHaveCount(0, { timeout: 10_000 });
    await expect(display.page.locator("[data-printer-alert]")).toHaveCount(0);
    expect(grillFake.documents).toHaveLength(1);
  } finally {
    await grillFake.close();
    await backupFake.close();
  }
});
