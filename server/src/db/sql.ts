import { Prisma } from "../generated/prisma/client.js";

/**
 * A JS Date as a `timestamp(3)` in UTC, which is how Prisma stores every DateTime. Going
 * through timestamptz makes the value independent of the connection's TimeZone setting.
 */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
