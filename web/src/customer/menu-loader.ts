import type { MenuResponse } from "@ordered/contract/client";
import { ApiError, api } from "../api/http";
import { storage } from "../lib/storage";

/** Menus asked for ahead of the table screen, by token; each is taken once. */
const early = new Map<string, Promise<MenuResponse>>();

/** The last menu this phone loaded, with the token it was loaded with. */
const KEPT = "ordered.menu";
interface KeptMenu {
  token: string;
  menu: MenuResponse;
}

/**
 * Asks for the menu now, alongside GET /sessions/current, instead of one round trip later
 * when the table screen mounts (on a slow phone network that round trip is most of the wait).
 */
export function prefetchMenu(token: string): void {
  if (early.has(token)) return;
  const menu = fetchMenu(token);
  menu.catch(() => {}); // seen by whoever takes it; unhandled until then is not an error
  early.set(token, menu);
}

/** Menus that came with the join, by token; each is taken once, synchronously. */
const seeded = new Map<string, MenuResponse>();

/** A menu that came with the join (POST /sessions/join answers with it): no request at all. */
export function seedMenu(token: string, menu: MenuResponse): void {
  storage.set(KEPT, { token, menu } satisfies KeptMenu);
  seeded.set(token, menu);
}

/**
 * The menu the join answered with, if it is still untaken (once): the table screen draws it
 * in its very first render, instead of one render later from a promise.
 */
export function takeSeededMenu(token: string): MenuResponse | null {
  const menu = seeded.get(token) ?? null;
  seeded.delete(token);
  return menu;
}

/**
 * The menu asked for early with this token, if any (once), else a fresh GET /menu. Without
 * network, the last one this session loaded: a phone reloaded offline still names what is in
 * its cart and can queue an order (sent, and priced by the server, once back; the menu is
 * loaded again on reconnect).
 */
export function loadMenu(token: string): Promise<MenuResponse> {
  seeded.delete(token);
  const menu = early.get(token);
  early.delete(token);
  return menu ?? fetchMenu(token);
}

async function fetchMenu(token: string): Promise<MenuResponse> {
  try {
    const menu = await api("GET /api/menu", { token });
    storage.set(KEPT, { token, menu } satisfies KeptMenu);
    return menu;
  } catch (err) {
    const kept = err instanceof ApiError && err.code === "NETWORK" ? storage.get<KeptMenu>(KEPT) : null;
    if (kept?.token === token && kept.menu) return kept.menu;
    throw err;
  }
}
