import { expect, test } from "../support/fixtures.js";
import { sessionCard, showTable } from "../support/ui.js";

// Issue 32, item 4: staff move a party to another table (POST /api/sessions/:id/move, as the
// panel's Move will send it): the phone's header and the panel follow at once.

test("a party moved to another table: the phone shows the new table and the panel its card", async ({ panel, phones, api, venue }) => {
  const { table: terrace } = await api.route("POST /api/tables", { token: venue.staffToken, body: { name: "Terrace 3" } });
  const { session } = await api.openSession(venue.staffToken, "Table 6");
  const phone = await phones.join(session.joinUrl, "Sam");
  await expect(phone.page.getByText("Table 6", { exact: true }).first()).toBeVisible();
  await expect(await showTable(panel, "Table 6")).toBeVisible();

  await api.route("POST /api/sessions/:id/move", { params: { id: session.id }, token: venue.staffToken, body: { tableId: terrace.id } });

  await expect(phone.page.getByText("Terrace 3", { exact: true }).first()).toBeVisible();
  // The same session, so its sheet stays open: under the new table's name.
  await expect(sessionCard(panel, "Terrace 3")).toBeVisible();
  await expect(sessionCard(panel, "Table 6")).toHaveCount(0);
});
