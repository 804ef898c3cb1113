import { useCallback } from "react";
import { api } from "../../api/http";
import { useMenuList } from "./use-menu-list";

/** The location's categories (hidden ones too) in their order, kept current (useMenuList). */
export function useCategories(token: string) {
  const load = useCallback(async () => (await api("GET /api/categories", { token })).categories, [token]);
  const { items: categories, error, reload, put } = useMenuList(load);
  return { categories, error, reload, put };
}
