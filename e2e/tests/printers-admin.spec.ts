// Issue 34, item 1: a manager adds the grill's network printer on the menu page and test-prints
// on it — the page reaches the test kit's fake ESC/POS printer (TCP on loopback, parsing the
// bytes back); with its paper out the panel says so and nothing is printed.
import { startFakePrinter } from "../../server/dist/tools/fake-printer.js";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { openMenuPage } from "../support/menu-admin.js";

test("a printer added on the menu page prints a test page; paper out is said, not printed; a station prints on it", async ({
  panel: page,
  api,
  venue,
}) => {
  const fake = await startFakePrinter();
  try {
    await openMenuPage(page);
    const printers = page.getByRole("region", { name: "Printers" });
    await printers.getByLabel("Name").fill("Grill");
    await printers.getByLabel("Address").fill(fake.host);
    await printers.getByLabel("Port").fill(String(fake.port));
    await printers.getByLabel("Paper").selectOption({ label: "58 mm" });
    await printers.getByRole("button", { name: "Add printer" }).click();
    const row = printers.getByRole("listitem", { name: "Grill" });
    await expect(row).toContainText(`${fake.host}:${fake.port} · 58 mm · Automatic`);

    await row.getByRole("button", { name: "Test print on Grill" }).click();
    await expect(row.getByRole("status")).toHaveText("Printed a test page on Grill.");
    const [sheet] = await fake.waitForDocuments(1, 5_000);
    expect(sheet!.lines.map((l) => l.text.trim())).toEqual(expect.arrayContaining(["TEST PRINT", "Grill", "ÄÖÜ äöü ß · àèéìòù · ñ ç · €"]));
    await expectAccessible(page, test.info(), "menu page printers");

    await fake.setMode("paperOut");
    await row.getByRole("button", { name: "Test print on Grill" }).click();
    await expect(row.getByRole("status")).toHaveText("Grill did not print: paper out.");
    expect(fake.documents).toHaveLength(1);

    // The first station's tickets print on the grill's printer; the choice is stored.
    const [station] = (await api.route("GET /api/stations", { token: venue.staffToken })).stations;
    const routing = printers.getByRole("group", { name: `${station!.name} prints on` });
    await routing.getByRole("checkbox", { name: "Grill" }).check();
    await routing.getByRole("button", { name: `Save ${station!.name}` }).click();
    await expect(printers.getByRole("status").filter({ hasText: `Saved: ${station!.name}.` })).toBeVisible();
    const stored = (await api.route("GET /api/stations", { token: venue.staffToken })).stations.find((s) => s.id === station!.id);
    const grillId = (await api.route("GET /api/printers", { token: venue.staffToken })).printers[0]!.id;
    expect(stored!.printerIds).toEqual([grillId]);

    // A printer the servers cannot reach: added as reached through a print bridge, tagged, no test print offered.
    await printers.getByLabel("Name").fill("Terrace bar");
    await printers.getByLabel("Address").fill("192.168.7.20");
    await printers.getByLabel("Port").fill("9100");
    await printers.getByLabel("Paper").selectOption({ label: "80 mm" });
    await printers.getByRole("checkbox", { name: "Reached through a print bridge" }).check();
    await printers.getByRole("button", { name: "Add printer" }).click();
    const bridged = printers.getByRole("listitem", { name: "Terrace bar" });
    await expect(bridged).toContainText("192.168.7.20:9100 · 80 mm · Automatic · via print bridge");
    await expect(bridged.getByRole("button", { name: "Test print on Terrace bar" })).toHaveCount(0);
    const storedBridged = (await api.route("GET /api/printers", { token: venue.staffToken })).printers.find(
      (p) => p.name === "Terrace bar",
    );
    expect(storedBridged?.via).toBe("BRIDGE");
    await printers.screenshot({ path: test.info().outputPath("printers-panel.png") });
  } finally {
    await fake.close();
  }
});
