import { describe, expect, test } from "vitest";
import { refusedOrders } from "../../src/customer/refused-orders";
import { id, order } from "../support/fixtures";

const ME = id(50);
const OTHER = id(51);

describe("refusedOrders: this phone's orders the kitchen will not make", () => {
  const mine = (n: number, status: "PLACED" | "REJECTED" | "FAILED" | "CANCELLED") =>
    order(n, "placed", { customerId: ME, status, statusReason: status === "PLACED" ? null : "Burrata is sold out" });

  test("rejected and failed orders of mine, numbered as the table counts them", () => {
    const orders = [
      mine(1, "PLACED"),
      order(2, "placed", { customerId: OTHER, status: "REJECTED" }),
      mine(3, "REJECTED"),
      mine(4, "FAILED"),
    ];
    expect(refusedOrders(orders, ME, []).map((r) => [r.number, r.order.status])).toEqual([
      [3, "REJECTED"],
      [4, "FAILED"],
    ]);
  });

  test("not those staff cancelled, nor those the guest dealt with", () => {
    const orders = [mine(1, "CANCELLED"), mine(2, "REJECTED")];
    expect(refusedOrders(orders, ME, [orders[1]!.id])).toEqual([]);
  });
});
