import { expect, test } from "../support/fixtures.js";
import { joinUrlFromPanel, openSession, sessionCard } from "../support/ui.js";

test("closing a session shows the phone a full-screen closed message, also after reload and for new scans", async ({
  panel: page,
  phones,
}) => {
  await openSession(page, "Table 4");
  const joinUrl = await joinUrlFromPanel(page, "Table 4");
  const phone = await phones.join(joinUrl);

  await sessionCard(page, "Table 4").getByRole("button", { name: "Close session" }).click();
  const confirm = page.getByRole("dialog", { name: "Close session" });
  await expect(confirm).toContainText("Close the session for Table 4?");
  await confirm.getByRole("button", { name: "Close session" }).click();
  await expect(page.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 4" })).toBeVisible();
  await expect(sessionCard(page, "Table 4")).toHaveCount(0);

  await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
  await phone.page.screenshot({ path: test.info().outputPath("phone-closed.png") });
  await phone.page.reload();
  await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();

  const late = await phones.open();
  await late.page.goto(joinUrl);
  // Said at once: the code is checked before anything is asked.
  await expect(late.page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
  await expect(late.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
});
