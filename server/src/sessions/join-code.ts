import { randomBytes, randomInt } from "node:crypto";
import { LIMITS } from "@ordered/contract";

/** 18 bytes = 144 bits from the OS CSPRNG; base64url without padding = 24 characters. */
export const JOIN_CODE_BYTES = 18;
export const JOIN_CODE_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newJoinCode(): string {
  return randomBytes(JOIN_CODE_BYTES).toString("base64url");
}

/** A session's PIN: LIMITS.presence.pinLength digits from the OS CSPRNG (randomInt has no modulo bias). */
export function newPin(): string {
  const length = LIMITS.presence.pinLength;
  return String(randomInt(10 ** length)).padStart(length, "0");
}
