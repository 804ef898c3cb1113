import { randomBytes } from "node:crypto";

/** 18 bytes = 144 bits from the OS CSPRNG; base64url without padding = 24 characters. */
export const JOIN_CODE_BYTES = 18;
export const JOIN_CODE_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newJoinCode(): string {
  return randomBytes(JOIN_CODE_BYTES).toString("base64url");
}
