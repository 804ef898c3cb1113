import type { ProductDto } from "@ordered/contract";
import { useCallback, useEffect, useState } from "react";
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
