import {
  type BillClaimDto,
  type BillDto,
  type BillSplit,
  billSplit,
  type CurrentSessionResponse,
  type CustomerDto,
  type PaymentDto,
  parsePayer,
} from "@ordered/contract/client";
import { t } from "../i18n/i18n";

/** A phone of the table, by name (the join's list, then `customer:joined`). */
export interface TablePhone {
  id: string;
  displayName: string | null;
}

/** What the phone calls a payer: "You", the phone's name, "Person 3", "Seat 2". */
export function payerName(payer: string, me: string, phones: ReadonlyMap<string, string | null>): string {
  const p = parsePayer(payer);
  if (!p) return payer;
  if (p.kind === "phone") return p.customerId === me ? t("split.you") : (phones.get(p.customerId) ?? null) || t("split.guest");
  return p.kind === "person" ? t("split.person", { n: p.number }) : t("split.seat", { n: p.number });
}

/**
 * The split as the phone shows it: this phone first, then the table's other phones, then
 * every other payer with a claim or a payment (persons, seats).
 */
export function phoneSplit(
  bill: BillDto,
  claims: readonly BillClaimDto[],
  payments: readonly PaymentDto[],
  me: string,
  phones: readonly TablePhone[],
): BillSplit {
  const others = phones.filter((p) => p.id !== me).map((p) => `phone:${p.id}`);
  return billSplit(bill, claims, payments, [`phone:${me}`, ...others]);
}

/** Payers a phone may share a line with: the other phones, and the persons and seats already paying a share. */
export function shareTargets(split: BillSplit, me: string, phones: readonly TablePhone[]): string[] {
  const others = phones.filter((p) => p.id !== me).map((p) => `phone:${p.id}`);
  const named = split.payers.map((p) => p.payer).filter((k) => !k.startsWith("phone:"));
  return [...new Set([...others, ...named])];
}

/** The table's phones now: those at join, then the ones that joined since, less the removed ones. */
export function tablePhones(current: Pick<CurrentSessionResponse, "phones" | "customer">, live: readonly CustomerDto[]): TablePhone[] {
  const byId = new Map<string, TablePhone>((current.phones ?? []).map((p) => [p.id, p]));
  byId.set(current.customer.id, { id: current.customer.id, displayName: current.customer.displayName });
  for (const c of live) {
    if (c.removedAt) byId.delete(c.id);
    else byId.set(c.id, { id: c.id, displayName: c.displayName });
  }
  return [...byId.values()];
}
