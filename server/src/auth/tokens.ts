import { STAFF_ROLES, type StaffRoleName } from "@ordered/contract";
import jwt from "jsonwebtoken";
import { z } from "zod";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

/** The only algorithm we sign with and the only one we accept. */
export const JWT_ALGORITHM = "HS256" as const;
/** Device tokens' audience: never accepted where a staff or customer token is expected. */
const DEVICE_AUDIENCE = "ordered:device";

const StaffClaims = z.object({
  exp: z.number(),
  sub: z.uuid(),
  loc: z.uuid(),
  role: z.enum(STAFF_ROLES),
  /** The account's token version when this was issued (tokens from before versions: 0). */
  ver: z.number().int().min(0).default(0),
});
const CustomerClaims = z.object({
  exp: z.number(),
  sub: z.uuid(),
  sid: z.uuid(),
  loc: z.uuid(),
});

const DeviceClaims = z.object({ sub: z.string(), dev: z.uuid() });

/** How long a device stays known after its last login with an email. */
export const DEVICE_TOKEN_TTL_SECONDS = 180 * 24 * 3600;

/** Who a staff token speaks for. */
export interface StaffPrincipal {
  kind: "staff";
  /** Token expiry (ms since epoch); long-lived sockets re-check it on every command. */
  expiresAt?: number;
  staffId: string;
  locationId: string;
  /** As it was when the token was issued: a role change raises the token version, ending the token. */
  role: StaffRoleName;
  /** Must equal the account's current token version (auth/staff-account.ts). */
  tokenVersion: number;
}

/** Who a customer token speaks for: one customer in one session. */
export interface CustomerPrincipal {
  kind: "customer";
  /** Token expiry (ms since epoch); long-lived sockets re-check it on every command. */
  expiresAt?: number;
  customerId: string;
  sessionId: string;
  locationId: string;
}

export type Principal = StaffPrincipal | CustomerPrincipal;

export interface Tokens {
  signStaff(p: Omit<StaffPrincipal, "kind" | "expiresAt">): string;
  signCustomer(p: Omit<CustomerPrincipal, "kind" | "expiresAt">): string;
  /** Throws AppError UNAUTHENTICATED for anything but a valid, unexpired staff token. */
  verifyStaff(token: string): StaffPrincipal;
  /** Throws AppError UNAUTHENTICATED for anything but a valid, unexpired customer token. */
  verifyCustomer(token: string): CustomerPrincipal;
  /** Proof that a device logged in with `email` (lower-cased), naming the device. */
  signDevice(email: string, deviceId: string): string;
  /** The device a token names, if it is valid and was given for `email`; else null (an unknown device). */
  verifyDevice(token: string, email: string): string | null;
  /** Staff or customer, decided by the token's audience. */
  verifyAny(token: string): Principal;
  readonly staffTtlSeconds: number;
  readonly customerTtlSeconds: number;
}

export function createTokens(config: Config["jwt"]): Tokens {
  const verifyOptions = (audience: string): jwt.VerifyOptions => ({
    algorithms: [JWT_ALGORITHM],
    issuer: config.issuer,
    audience,
    clockTolerance: 5,
  });

  const verify = (token: string, audience: string): jwt.JwtPayload => {
    try {
      const payload = jwt.verify(token, config.secret, { ...verifyOptions(audience), complete: false }) as string | jwt.JwtPayload;
      if (typeof payload === "string" || payload.exp === undefined) throw new Error("no expiry");
      return payload;
    } catch (err) {
      const reason = err instanceof jwt.TokenExpiredError ? "token expired" : "invalid token";
      throw new AppError("UNAUTHENTICATED", reason);
    }
  };

  const tokens: Tokens = {
    staffTtlSeconds: config.staffTtlSeconds,
    customerTtlSeconds: config.customerTtlSeconds,
    signStaff: (p) =>
      jwt.sign({ loc: p.locationId, role: p.role, ver: p.tokenVersion }, config.secret, {
        algorithm: JWT_ALGORITHM,
        issuer: config.issuer,
        audience: config.staffAudience,
        subject: p.staffId,
        expiresIn: config.staffTtlSeconds,
      }),
    signCustomer: (p) =>
      jwt.sign({ sid: p.sessionId, loc: p.locationId }, config.secret, {
        algorithm: JWT_ALGORITHM,
        issuer: config.issuer,
        audience: config.customerAudience,
        subject: p.customerId,
        expiresIn: config.customerTtlSeconds,
      }),
    signDevice: (email, deviceId) =>
      jwt.sign({ dev: deviceId }, config.secret, {
        algorithm: JWT_ALGORITHM,
        issuer: config.issuer,
        audience: DEVICE_AUDIENCE,
        subject: email,
        expiresIn: DEVICE_TOKEN_TTL_SECONDS,
      }),
    verifyDevice(token, email) {
      try {
        const claims = DeviceClaims.safeParse(verify(token, DEVICE_AUDIENCE));
        return claims.success && claims.data.sub === email ? claims.data.dev : null;
      } catch {
        return null; // expired or forged: the device is simply not known
      }
    },
    verifyStaff(token) {
      const claims = StaffClaims.safeParse(verify(token, config.staffAudience));
      if (!claims.success) throw new AppError("UNAUTHENTICATED", "invalid token");
      const { sub, loc, role, exp, ver } = claims.data;
      return { kind: "staff", staffId: sub, locationId: loc, role, tokenVersion: ver, expiresAt: exp * 1000 };
    },
    verifyCustomer(token) {
      const claims = CustomerClaims.safeParse(verify(token, config.customerAudience));
      if (!claims.success) throw new AppError("UNAUTHENTICATED", "invalid token");
      const { sub, sid, loc, exp } = claims.data;
      return { kind: "customer", customerId: sub, sessionId: sid, locationId: loc, expiresAt: exp * 1000 };
    },
    verifyAny(token) {
      const decoded = jwt.decode(token, { json: true });
      return decoded?.aud === config.customerAudience ? tokens.verifyCustomer(token) : tokens.verifyStaff(token);
    },
  };
  return tokens;
}
