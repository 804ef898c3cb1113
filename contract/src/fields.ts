import { z } from "zod";

/** Non-empty single-line text, trimmed, with a bounded length. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");

/** Optional free text (a note, a reason), trimmed, with a bounded length. */
export const note = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const uuidOf = (what: string) => z.uuid(`must be ${what} id`);
