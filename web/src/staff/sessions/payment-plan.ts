/**
 * How the payment dialog turns what staff chose into payments: the amount each scope
 * suggests, the shares of an equal split, and sending one payment so that a retry can never
 * record it twice.
 */
import {
  orderedShareDueCents,
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

/** What is left of one phone's share (contract bill-split.ts orderedShareDueCents). */
export const shareDueCents = orderedShareDueCents;

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
