import type { OrderDto, OrderEstimateDto } from "@ordered/contract/client";
import { useEffect, useState } from "react";
import { api } from "../api/http";
import type { CartLine } from "./customer-storage";

/** How often a phone reads its orders' estimates again while the kitchen works (they also follow every order event). */
const REFRESH_MS = 30_000;

/**
 * The table's orders' waiting times (issue 35), as the server's model says now: read again on
 * every change of the orders (a ticket started, ready) and every half minute, so the estimate
 * follows the kitchen and grows when it is late, rather than counting down a promise.
 */
/** The orders' statuses and tickets' moves: what changes an estimate. */
export const ordersKey = (orders: readonly OrderDto[]) =>
  orders.map((o) => `${o.id}:${o.status}:${o.shipment?.status ?? ""}:${o.tickets.map((t) => t.movedAt).join(",")}`).join("|");

export function useOrderEstimates(token: string, orders: readonly OrderDto[]): ReadonlyMap<string, OrderEstimateDto> {
  const [estimates, setEstimates] = useState<ReadonlyMap<string, OrderEstimateDto>>(() => new Map());
  const key = ordersKey(orders);
  const preparing = orders.some((o) => o.status === "ACCEPTED" && o.shipment?.status === "PREPARING");
  useEffect(() => {
    void key;
    if (!preparing) return;
    let stopped = false;
    const load = () =>
      void api("GET /api/sessions/estimates", { token }).then(
        (res) => {
          if (!stopped) setEstimates(new Map(res.estimates.map((e) => [e.orderId, e])));
        },
        () => {}, // shown again on the next read; an estimate is a help, not a promise
      );
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token, key, preparing]);
  return estimates;
}

/**
 * How long the cart would take if ordered now (seconds), read a moment after it changes, and after
 * the table's orders move (`version`: the kitchen's pace shows in them); null: not known.
 */
export function useCartEstimate(token: string, lines: readonly CartLine[], version: string): number | null {
  const [seconds, setSeconds] = useState<number | null>(null);
  const key = lines.map((l) => `${l.productId}x${l.quantity}`).join(",");
  useEffect(() => {
    void version;
    if (key === "") {
      setSeconds(null);
      return;
    }
    let stopped = false;
    const items = key.split(",").map((k) => {
      const [productId, quantity] = k.split("x") as [string, string];
      return { productId, quantity: Number(quantity) };
    });
    const timer = setTimeout(() => {
      void api("POST /api/sessions/estimate", { token, body: { items } }).then(
        (res) => {
          if (!stopped) setSeconds(res.readyInSeconds);
        },
        () => {},
      );
    }, 400);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, key, version]);
  return seconds;
}

/** Whole minutes as a phone says them: at least one while anything is left. */
export const minutesOf = (seconds: number) => Math.max(1, Math.round(seconds / 60));
