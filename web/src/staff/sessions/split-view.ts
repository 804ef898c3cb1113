/**
 * The panel's split by item, as pure functions of the live state: which payers to show (the
 * table's phones, every seat and person with a claim or a payment, and persons staff just
 * added) and what staff call each.
 */
import { type BillClaimDto, type BillDto, type BillSplit, billSplit, type PaymentDto, parsePayer } from "@ordered/contract/client";
import { strings } from "../../strings";

/** "Ann", "Guest 2", "Person 3", "Seat 2". */
export function payerLabel(payer: string, names: ReadonlyMap<string, string>): string {
  const p = parsePayer(payer);
  if (!p) return payer;
  if (p.kind === "phone") return names.get(p.customerId) ?? strings.session.guestUnknown;
  return p.kind === "person" ? strings.split.person(p.number) : strings.split.seat(p.number);
}

/**
 * The split with the payers in the panel's order: the table's phones (as joined), then seats
 * and persons by number (those with claims or payments, and the `added` ones).
 */
export function panelSplit(
  bill: BillDto,
  claims: readonly BillClaimDto[],
  payments: readonly PaymentDto[],
  phones: readonly string[],
  added: readonly string[],
): BillSplit {
  const others = new Set<string>(added);
  for (const c of claims) if (!c.payer.startsWith("phone:")) others.add(c.payer);
  for (const p of payments) if (p.payer && !p.payer.startsWith("phone:")) others.add(p.payer);
  const byNumber = [...others].sort((a, b) => {
    const [pa, pb] = [parsePayer(a), parsePayer(b)];
    const kind = (pa?.kind ?? "").localeCompare(pb?.kind ?? "");
    return kind || (pa && "number" in pa ? pa.number : 0) - (pb && "number" in pb ? pb.number : 0);
  });
  return billSplit(bill, claims, payments, [...phones.map((id) => `phone:${id}`), ...byNumber]);
}

/**
 * The next person's number: the table's next guest counting every payer so far (two phones:
 * "Person 3"), skipping numbers in use.
 */
export function nextPerson(split: BillSplit): number {
  const used = new Set(split.payers.map((p) => parsePayer(p.payer)).flatMap((p) => (p?.kind === "person" ? [p.number] : [])));
  let n = split.payers.length + 1;
  while (used.has(n)) n++;
  return n;
}
