/**
 * How the payment dialog turns what staff chose into payments: the amount each scope
 * suggests, the shares of an equal split, and sending one payment so that a retry can never
 * record it twice.
 */
import {
  type BillDto,
  billSplit,
  type PaymentResponse,
  RETRYABLE_ERRORS,
  type RecordPaymentBody,
  splitEvenly,
} from "@ordered/contract/client";
import { ApiError } from "../../api/http";
import { strings } from "../../strings";

/** One share of an equal split, recorded as its own payment. */
export interface SplitShare {
  /** 1-based. */
  index: number;
  cents: number;
  /** Stored with the payment, e.g. "Split 2 of 3". */
  note: string;
}

/** The N shares of `dueCents`, which add up to it exactly (the first ones carry the odd cents). */
export function splitPlan(dueCents: number, parts: number): SplitShare[] {
  return splitEvenly(dueCents, parts).map((cents, i) => ({ index: i + 1, cents, note: strings.payment.splitNote(i + 1, parts) }));
}

/**
 * What is left of one phone's share, never below zero: what it ordered, with its part of what
 * the bill holds beyond its lines (the bill's discount, the service charge and, with net prices,
 * the tax of its lines' rates: issue 33), as a split of each phone's own lines gives it
 * (contract bill-split.ts), minus what was paid for it.
 */
export function shareDueCents(bill: BillDto, customerId: string): number {
  const share = bill.shares.find((s) => s.customerId === customerId);
  if (!share) return 0;
  const ownLines = bill.lines.flatMap((l) => (l.customerId ? [{ line: l.key, payer: l.customerId, weight: 1 }] : []));
  const owed = billSplit(bill, ownLines).payers.find((p) => p.payer === customerId)?.totalCents ?? share.subtotalCents;
  return Math.max(0, owed - share.paidCents);
}

/** Whether an ApiError says nothing about the payment itself, so the same request may be sent again. */
export function isRetryablePayment(err: unknown): boolean {
  return err instanceof ApiError && (err.code === "NETWORK" || RETRYABLE_ERRORS.includes(err.code));
}

export interface SendOptions {
  /** Pauses before each retry; their number is the number of retries. */
  delaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends one payment, retrying network failures and busy answers with the same body (so the
 * same clientPaymentId: the server records it once however many copies arrive). Rejects with
 * the first final refusal, or with the last failure when the retries run out, after which the
 * caller keeps the body to try again by hand with the same id.
 */
export async function sendPayment(
  post: (body: RecordPaymentBody) => Promise<PaymentResponse>,
  body: RecordPaymentBody,
  { delaysMs = [500, 1500], sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: SendOptions = {},
): Promise<PaymentResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post(body);
    } catch (err) {
      const delay = delaysMs[attempt];
      if (!isRetryablePayment(err) || delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
