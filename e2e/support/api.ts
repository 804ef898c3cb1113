import type { ApiClient } from "../../server/dist/tools/api-client.js";

/** The orders the server stored for a session, by label (staff's REST view). */
export async function ordersOf(api: ApiClient, staffToken: string, label: string) {
  const session = (await api.listSessions(staffToken)).find((s) => s.label === label);
  if (!session) throw new Error(`no session ${label}`);
  return (await api.getSession(staffToken, session.id)).orders;
}
