import { type BillClaimDto, billOf } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import { nextPerson, panelSplit, payerLabel } from "../../../src/staff/sessions/split-view";
import { id, order, payment } from "../../support/fixtures";

const line = (position: number, unitPriceCents: number) => ({
  position,
  productId: id(900 + position),
  productName: `Dish ${position}`,
  unitPriceCents,
  quantity: 1,
  note: null,
  options: [],
  allergens: [],
  stationId: id(800),
  seat: null,
  courseId: null,
});
const dinner = order(1, "delivered", { totalCents: 1150 + 450, items: [line(0, 1150), line(1, 450)] });
const bill = billOf({ currency: "EUR", orders: [dinner], payments: [] });
const claim = (position: number, payer: string): BillClaimDto => ({
  line: `${dinner.id}:${position}`,
  orderId: dinner.id,
  position,
  payer,
  weight: 1,
  claimedBy: "Marco",
  claimedAt: "2026-11-21T12:40:00.000Z",
});
const ANN = id(201);
const BEA = id(202);

describe("the panel's split by item", () => {
  test("lists the phones as they joined, then persons and seats by number, and the added ones", () => {
    const claims = [claim(0, "person:3"), claim(0, `phone:${BEA}`), claim(1, "seat:2")];
    const split = panelSplit(bill, claims, [], [ANN, BEA], ["person:4"]);
    expect(split.payers.map((p) => p.payer)).toEqual([`phone:${ANN}`, `phone:${BEA}`, "person:3", "person:4", "seat:2"]);
    expect(split.payers.reduce((s, p) => s + p.totalCents, 0) + split.unclaimedCents).toBe(bill.totalCents);
    expect(split.payers.map((p) => p.totalCents)).toEqual([0, 575, 575, 0, 450]);
  });

  test("a payment for a person makes it a payer and counts against its share", () => {
    const split = panelSplit(bill, [claim(0, "person:3")], [payment(1, 1000, { payer: "person:3" })], [ANN], []);
    expect(split.payers.find((p) => p.payer === "person:3")).toMatchObject({ totalCents: 1150, paidCents: 1000, dueCents: 150 });
  });

  test("the next person counts every payer so far (two phones: Person 3), skipping numbers in use", () => {
    expect(nextPerson(panelSplit(bill, [], [], [ANN, BEA], []))).toBe(3);
    expect(nextPerson(panelSplit(bill, [claim(0, "person:3")], [], [ANN, BEA], []))).toBe(4);
  });

  test("names payers as staff read them", () => {
    const names = new Map([[ANN, "Ann"]]);
    expect([`phone:${ANN}`, "person:3", "seat:2"].map((p) => payerLabel(p, names))).toEqual(["Ann", "Person 3", "Seat 2"]);
  });
});
