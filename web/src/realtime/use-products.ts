import type { MenuResponse, ProductDto } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLive } from "./live-context";

/**
 * A product list kept live for the staff's products page and the phone's menu: loaded on
 * mount, changed by `product:updated`, and loaded again after a reconnect, since product
 * changes are not in the session log and nothing replays them. `load` must be stable.
 */
export function useProducts(load: () => Promise<ProductDto[]>) {
  const { connection } = useLive();
  const [products, setProducts] = useState<ProductDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    load()
      .then((list) => {
        setProducts(list);
        setError(null);
      })
      .catch(setError);
  }, [load]);

  /** Shows a product as given (an update, an answer, or an optimistic change). */
  const put = useCallback((p: ProductDto) => setProducts((list) => list && upsert(list, p)), []);

  useEffect(reload, [reload]);
  useEffect(() => {
    if (!connection) return;
    connection.socket.on("product:updated", put);
    const offReconnect = connection.onReconnect(reload);
    return () => {
      connection.socket.off("product:updated", put);
      offReconnect();
    };
  }, [connection, put, reload]);

  return { products, error, put };
}

function upsert(list: ProductDto[], p: ProductDto): ProductDto[] {
  return list.some((x) => x.id === p.id) ? list.map((x) => (x.id === p.id ? p : x)) : [...list, p];
}

/**
 * The phone's menu (GET /api/menu) kept live: `product:updated` replaces a product (or drops
 * it once hidden, archived or out of the menu's categories), `menu:changed` and a reconnect
 * load the menu again. Updates heard while a load is under way are applied on top of its
 * answer unless the answer already has that version or a newer one. `load` must be stable;
 * `initial`, a menu already in hand, is shown from the first render without loading.
 */
export function useMenu(load: () => Promise<MenuResponse>, initial: MenuResponse | null = null) {
  const { connection } = useLive();
  const [menu, setMenu] = useState<MenuResponse | null>(initial);
  // A menu given at mount (the join's own) is current: the first load is skipped, not later ones.
  const skipFirstLoad = useRef(initial !== null);
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);
  const heard = useRef<ProductDto[]>([]);

  const reload = useCallback(() => {
    const n = ++loads.current;
    heard.current = [];
    load()
      .then((loaded) => {
        if (n !== loads.current) return; // a later load is under way; its answer is newer
        setMenu(reconcileMenu(loaded, heard.current));
        heard.current = [];
        setError(null);
      })
      .catch((err: unknown) => {
        if (n === loads.current) setError(err);
      });
  }, [load]);

  useEffect(() => {
    if (skipFirstLoad.current) skipFirstLoad.current = false;
    else reload();
  }, [reload]);
  useEffect(() => {
    if (!connection) return;
    const onProduct = (p: ProductDto) => {
      heard.current.push(p);
      setMenu((m) => m && applyProductUpdate(m, p));
    };
    const onMenuChanged = () => reload();
    connection.socket.on("product:updated", onProduct);
    connection.socket.on("menu:changed", onMenuChanged);
    const offReconnect = connection.onReconnect(reload);
    return () => {
      connection.socket.off("product:updated", onProduct);
      connection.socket.off("menu:changed", onMenuChanged);
      offReconnect();
    };
  }, [connection, reload]);

  return { menu, error, reload };
}

/**
 * The menu with one product as the server now has it: replaced in place, added to the end
 * of the list when new to this menu, or dropped when it left the phones' menu (hidden,
 * archived, or in a category the menu does not show). An update older than what the menu
 * holds changes nothing.
 */
export function applyProductUpdate(menu: MenuResponse, p: ProductDto): MenuResponse {
  const current = menu.products.find((x) => x.id === p.id);
  if (current && current.version > p.version) return menu;
  const shown = !p.hidden && !p.archived && menu.categories.some((c) => c.id === p.categoryId);
  if (!shown) return current ? { ...menu, products: menu.products.filter((x) => x.id !== p.id) } : menu;
  return { ...menu, products: current ? menu.products.map((x) => (x.id === p.id ? p : x)) : [...menu.products, p] };
}

/** A loaded menu with the updates heard while it loaded, in the order heard (each skipped when the menu is as new). */
export function reconcileMenu(loaded: MenuResponse, heard: readonly ProductDto[]): MenuResponse {
  return heard.reduce(applyProductUpdate, loaded);
}
