import { useCallback } from "react";
import { api } from "../../api/http";
import { useMenuList } from "./use-menu-list";

/** The location's courses in their order, kept current like the stations (useMenuList). */
export function useCourses(token: string) {
  const load = useCallback(async () => (await api("GET /api/courses", { token })).courses, [token]);
  const { items: courses, error, reload, put } = useMenuList(load);
  return { courses, error, reload, put };
}
