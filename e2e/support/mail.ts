import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../../server/dist/tools/smtp-stand-in.js";
import { E2E_MAIL_DIR } from "./env.js";

/** The mails the suite's stand-in mail server took for `address` (global-setup.ts), oldest first. */
export function mailsTo(address: string): ReceivedMail[] {
  return readdirSync(E2E_MAIL_DIR)
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, f), "utf8")) as ReceivedMail)
    .filter((m) => m.to.includes(address));
}

/** Waits until the stand-in has taken `count` mails for `address`, and returns them. */
export async function expectMails(address: string, count: number): Promise<ReceivedMail[]> {
  await expect.poll(() => mailsTo(address).length, { message: `mails to ${address}` }).toBe(count);
  return mailsTo(address);
}
