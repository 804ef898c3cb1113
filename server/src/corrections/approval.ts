/**
 * A manager's approval typed on another staff member's device (a void of started food, a
 * comp, a discount beyond the waiter's limit): their email and password, checked like a
 * login (auth.service `login`: the same constant time for every failure) and under the same
 * per-account budget of failures (auth/login-throttle.ts), so the approval dialog is no
 * faster way to guess a manager's password than the login page. Nothing is signed: the
 * approver's account is only named on the correction.
 */
import type { StaffRoleName } from "@ordered/contract";
import { login } from "../auth/auth.service.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";

export interface Approver {
  staffId: string;
  role: StaffRoleName;
  displayName: string;
}

export async function verifyApproval(
  deps: Pick<AppDeps, "prisma" | "tokens" | "limiters">,
  locationId: string,
  approval: { email: string; password: string },
): Promise<Approver> {
  await deps.limiters.loginPerAccount.assertLeft(approval.email, "failed logins for this account");
  try {
    const { staff } = await login(deps, { ...approval, locationId });
    return { staffId: staff.id, role: staff.role, displayName: staff.displayName };
  } catch (err) {
    if (err instanceof AppError && err.code === "INVALID_CREDENTIALS") {
      await deps.limiters.loginPerAccount.spend(approval.email);
      // Not 401: the device's own login is fine, and must not be logged out by a typo.
      throw new AppError("APPROVAL_REFUSED", "the approver's email or password is wrong (or the account is not at this location)");
    }
    throw err;
  }
}
