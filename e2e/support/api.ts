import { baseUrl } from "./ui.js";
import type { SeededVenue } from "./seed.js";

/** Direct REST calls, for test setup and for checking what the server stored. */
export async function staffToken(venue: SeededVenue): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: venue.email, password: venue.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function staffGet<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} failed: ${res.status}`);
  return (await res.json()) as T;
}

interface SessionRow {
  id: string;
  label: string;
  orderCount: number;
}

/** The orders the server stored for a session, by label. */
export async function ordersOf(token: string, label: string): Promise<{ id: string; status: string; items: { productName: string; quantity: number; note: string | null }[] }[]> {
  const { sessions } = await staffGet<{ sessions: SessionRow[] }>(token, "/sessions");
  const session = sessions.find((s) => s.label === label);
  if (!session) throw new Error(`no session ${label}`);
  const detail = await staffGet<{ orders: { id: string; status: string; items: { productName: string; quantity: number; note: string | null }[] }[] }>(
    token,
    `/sessions/${session.id}`,
  );
  return detail.orders;
}
