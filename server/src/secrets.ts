import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A development signing secret generated on first start and kept outside git
 * (`.secrets/` is ignored). Every process on the machine reads the same file, so several
 * server instances and workers accept each other's tokens. Production sets JWT_SECRET.
 */
export function devSecret(dir: string): string {
  const file = path.join(dir, "jwt-secret");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if the file exists, so two processes starting at once keep one secret.
    writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return readFileSync(file, "utf8").trim();
}
