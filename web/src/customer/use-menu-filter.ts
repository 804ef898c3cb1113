import { useEffect, useState } from "react";
import { type MenuFilter, NO_FILTER, readFilter } from "./menu-model";

const KEY = "ordered.menuFilter";

/**
 * The guest's diet filter, kept while they browse: across the phone's tabs and a reload
 * (sessionStorage: the same tab, not the next guest who picks up the phone tomorrow).
 */
export function useMenuFilter(): [MenuFilter, (filter: MenuFilter) => void] {
  const [filter, setFilter] = useState<MenuFilter>(() => {
    try {
      return readFilter(JSON.parse(sessionStorage.getItem(KEY) ?? "null"));
    } catch {
      return NO_FILTER;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(filter));
    } catch {
      // A convenience only (private mode, storage off): the filter still works for this page.
    }
  }, [filter]);
  return [filter, setFilter];
}
