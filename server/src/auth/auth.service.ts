import type { LoginResponse, StaffDto } from "@ordered/contract";
import type { PrismaClient } from "../db/prisma.js";
import { toLocationDto } from "../dto.js";
import { AppError } from "../errors.js";
import { dummyPasswordHash, verifyPassword } from "./passwords.js";
import type { Tokens } from "./tokens.js";

export async function login(
  deps: { prisma: PrismaClient; tokens: Tokens },
  input: { email: string; password: string },
): Promise<LoginResponse> {
  const staff = await deps.prisma.staffUser.findUnique({ where: { email: input.email }, include: { location: true } });
  // Verify against a dummy hash for unknown emails so both failures take the same time.
  const ok = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // A deactivated account gets the same answer as a wrong password: nothing to learn from it.
  if (!staff || !ok || !staff.active) throw new AppError("INVALID_CREDENTIALS", "wrong email or password");
  return {
    token: deps.tokens.signStaff({ staffId: staff.id, locationId: staff.locationId, role: staff.role, tokenVersion: staff.tokenVersion }),
    expiresIn: deps.tokens.staffTtlSeconds,
    staff: toStaffDto(staff),
  };
}

export async function getStaff(prisma: PrismaClient, staffId: string): Promise<StaffDto> {
  const staff = await prisma.staffUser.findUnique({ where: { id: staffId }, include: { location: true } });
  if (!staff) throw new AppError("UNAUTHENTICATED", "this account no longer exists");
  return toStaffDto(staff);
}

function toStaffDto(s: {
  id: string;
  email: string;
  displayName: string;
  role: "OWNER" | "STAFF";
  location: Parameters<typeof toLocationDto>[0];
}): StaffDto {
  return { id: s.id, email: s.email, displayName: s.displayName, role: s.role, location: toLocationDto(s.location) };
}
