import { useCallback } from "react";
import { api } from "../../api/http";
import { useMenuList } from "./use-menu-list";

/** The location's stations in their order, kept current like the categories (useMenuList). */
export function useStations(token: string) {
  const load = useCallback(async () => (await api("GET /api/stations", { token })).stations, [token]);
  const { items: stations, error, reload, put } = useMenuList(load);
  return { stations, error, reload, put };
}
