import { can, forbiddenMessage, type Permission } from "@ordered/contract";
import type { RequestHandler } from "express";
import passport from "passport";
import { ExtractJwt, Strategy as JwtStrategy } from "passport-jwt";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { assertActiveCustomer } from "./customer-account.js";
import type { CustomerBudget } from "./customer-budget.js";
import { assertActiveStaff } from "./staff-account.js";
import { type CustomerPrincipal, JWT_ALGORITHM, type StaffPrincipal, type Tokens } from "./tokens.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface User {
      principal: StaffPrincipal | CustomerPrincipal;
    }
  }
}

export interface Guards {
  /** Requires a staff bearer token; sets req.user.principal. */
  staff: RequestHandler;
  /**
   * Requires a customer bearer token; sets req.user.principal. The phone's read budget and
   * a place among its requests in flight (held until the response ends) come first, before
   * the account check reads the database.
   */
  customer: RequestHandler;
  /**
   * A staff token whose role has `permission` (contract PERMISSIONS); otherwise FORBIDDEN
   * naming what is missing. Spread into a route: `router.get("/", ...guards.may("menu.view"), …)`.
   */
  may(permission: Permission): RequestHandler[];
}

/**
 * passport-jwt strategies with a pinned algorithm, issuer and audience; expiry is always
 * checked. The claims are then re-validated by Tokens so both paths share one definition,
 * and a staff token's account must still be active (staff-account.ts).
 */
export function createGuards(jwtConfig: Config["jwt"], tokens: Tokens, prisma: PrismaClient, customerBudget: CustomerBudget): Guards {
  const authenticator = new passport.Passport();
  const strategy = (audience: string, toPrincipal: (raw: string) => StaffPrincipal | CustomerPrincipal) =>
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: jwtConfig.secret,
        algorithms: [JWT_ALGORITHM],
        issuer: jwtConfig.issuer,
        audience,
        ignoreExpiration: false,
        passReqToCallback: true,
      },
      (
        req: { headers: Record<string, string | string[] | undefined> },
        _payload: unknown,
        done: (e: unknown, u?: Express.User | false) => void,
      ) => {
        const raw = ExtractJwt.fromAuthHeaderAsBearerToken()(req as never);
        try {
          done(null, { principal: toPrincipal(raw ?? "") });
        } catch {
          done(null, false);
        }
      },
    );
  authenticator.use("staff-jwt", strategy(jwtConfig.staffAudience, tokens.verifyStaff));
  authenticator.use("customer-jwt", strategy(jwtConfig.customerAudience, tokens.verifyCustomer));

  const guard =
    (name: string, what: string): RequestHandler =>
    (req, res, next) => {
      authenticator.authenticate(name, { session: false }, (err: unknown, user: Express.User | false, info: unknown) => {
        if (err) return next(err);
        if (!user) {
          const expired = info instanceof Error && info.name === "TokenExpiredError";
          const message = !req.headers.authorization
            ? `${what} token required (Authorization: Bearer <token>)`
            : expired
              ? "token expired"
              : "invalid token";
          return next(new AppError("UNAUTHENTICATED", message));
        }
        // Staff accounts are also checked against the database (deleted, deactivated, tokens
        // ended), and phones (removed by staff). Whether the session is open is the route's concern.
        const principal = user.principal;
        const active =
          principal.kind === "staff"
            ? assertActiveStaff(prisma, principal)
            : customerBudget.read(principal.customerId).then((endWork) => {
                // "close" comes however the response ends (sent, failed, or the client gone).
                res.once("close", endWork);
                return assertActiveCustomer(prisma, principal, "any");
              });
        active.then(() => {
          req.user = user;
          next();
        }, next);
      })(req, res, next);
    };
  const staff = guard("staff-jwt", "staff");
  const may = (permission: Permission): RequestHandler[] => [
    staff,
    (req, _res, next) => {
      const { role } = staffOf(req);
      next(can(role, permission) ? undefined : new AppError("FORBIDDEN", forbiddenMessage(role, permission)));
    },
  ];
  return { staff, customer: guard("customer-jwt", "customer"), may };
}

export function staffOf(req: { user?: Express.User }): StaffPrincipal {
  const p = req.user?.principal;
  if (p?.kind !== "staff") throw new AppError("UNAUTHENTICATED", "staff token required");
  return p;
}

export function customerOf(req: { user?: Express.User }): CustomerPrincipal {
  const p = req.user?.principal;
  if (p?.kind !== "customer") throw new AppError("UNAUTHENTICATED", "customer token required");
  return p;
}
