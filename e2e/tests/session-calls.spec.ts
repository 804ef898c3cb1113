import { expect, test } from "../support/fixtures.js";
import { connectPhone, phoneToken, raiseAlert, screenshotsAt } from "../support/session.js";
import { joinUrlFromPanel, loginStaff, openSession, sessionCard, showTable } from "../support/ui.js";

/** Counts the panel's sound cues (each beep starts oscillators on the page's AudioContext). */
const COUNT_BEEPS = () => {
  const w = window as unknown as { beeps: number };
  w.beeps = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode["start"]>) {
    w.beeps++;
    return start.apply(this, args);
  };
};

test("a phone's waiter call rings on every staff device; one acknowledgement answers it everywhere", async ({
  page,
  venue,
  phones,
  browser,
}) => {
  await page.addInitScript(COUNT_BEEPS);
  await loginStaff(page, venue);
  await openSession(page, "Table 32");
  const sam = await phones.join(await joinUrlFromPanel(page, "Table 32"), "Sam");
  // A colleague's tablet, signed in to the same location.
  const colleague = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const other = await colleague.newPage();
  await loginStaff(other, venue);

  // The phone's button is the phone's spec; here the call comes from its own socket and token.
  const socket = await connectPhone(await phoneToken(sam.page));
  try {
    const beepsBefore = await page.evaluate(() => (window as unknown as { beeps: number }).beeps);
    await raiseAlert(socket, "WAITER");

    const strip = page.getByRole("region", { name: "Calls", exact: true });
    await expect(strip).toContainText("Table 32");
    await expect(strip).toContainText("Sam calls a waiter");
    await expect(other.getByRole("region", { name: "Calls", exact: true })).toContainText("Sam calls a waiter");
    const calls = sessionCard(page, "Table 32").getByRole("region", { name: "Calls at Table 32" });
    await expect(calls).toContainText("Sam calls a waiter");
    await expect.poll(() => page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBeGreaterThan(beepsBefore);
    await screenshotsAt(page, test.info(), "call-strip");

    await strip.getByRole("button", { name: "Acknowledge the waiter call from Sam at Table 32" }).click();
    await expect(strip).toHaveCount(0);
    await expect(other.getByRole("region", { name: "Calls", exact: true })).toHaveCount(0);
    await expect(calls).toContainText(`Waiter call from Sam · acknowledged by ${venue.owner.displayName}`);
    await expect(calls.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
    const otherCalls = (await showTable(other, "Table 32")).getByRole("region", { name: "Calls at Table 32" });
    await expect(otherCalls).toContainText(`acknowledged by ${venue.owner.displayName}`);

    // A bill request is its own call, acknowledged from the session's card this time.
    await raiseAlert(socket, "BILL");
    await expect(calls).toContainText("Sam asks for the bill");
    await calls.getByRole("button", { name: "Acknowledge the bill request from Sam at Table 32" }).click();
    await expect(calls).toContainText(`Bill request from Sam · acknowledged by ${venue.owner.displayName}`);
    await expect(strip).toHaveCount(0);
  } finally {
    socket.close();
    await colleague.close();
  }
});
