import { useCallback } from "react";
import { api } from "../../api/http";
import { useMenuList } from "./use-menu-list";

/** The location's tax rates in their order, kept current like the stations (useMenuList). */
export function useTaxRates(token: string) {
  const load = useCallback(async () => (await api("GET /api/tax-rates", { token })).taxRates, [token]);
  const { items: taxRates, error, reload, put } = useMenuList(load);
  return { taxRates, error, reload, put };
}
