import { z } from "zod";
import { MAX_INT32 } from "./limits.js";

/**
 * Unicode PostgreSQL can store and every client can show: no NUL character (text columns
 * refuse it), no unpaired UTF-16 surrogate (not valid UTF-8) and no text-direction control
 * (below). One rule for every field of free text, so no text reaches the database that it
 * would refuse or that would show as something else.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
 * reorder how the text around them is shown, so a guest's name or note could display as
 * something other than what it says ("Trojan Source") and spill into the staff panel's
 * next column. Nothing a name or note needs: right-to-left scripts display right by themselves.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
export const BIDI_CONTROL_MESSAGE = "must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)";

const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !UNSTORABLE.test(s), "must not contain NUL characters or broken Unicode")
    .refine((s) => !BIDI_CONTROL.test(s), BIDI_CONTROL_MESSAGE);

/** A name or label: non-empty single-line text, trimmed, with a bounded length. */
export const text = (max: number) =>
  freeText(max)
    .min(1, "must not be empty")
    .refine((s) => !CONTROL.test(s), "must not contain control characters");

/** Free text that may be empty or span lines (a note, a reason, a description), trimmed, bounded. */
export const note = (max: number) => freeText(max);

/** A number of the session log (`seq`): it is compared with an INTEGER column, so it is bounded by one. */
export const seqNumber = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(MAX_INT32, `must be at most ${MAX_INT32}`);

/** An id made by a client device so that a retry is recognised (clientOrderId, clientPaymentId). */
export const clientMadeId = (min: number, max: number) =>
  z
    .string()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, '-' and '_'");

/** An id: a UUID in any case, normalised to lower case (how PostgreSQL writes them). */
export const uuidOf = (what: string) => z.uuid(`must be ${what} id`).transform((id) => id.toLowerCase());
