import { z } from "zod";
import { text } from "../http/validate.js";

export const OpenSessionBody = z.strictObject({ label: text(60) });

export const ListSessionsQuery = z.strictObject({
  status: z.enum(["OPEN", "CLOSED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const JoinBody = z.strictObject({
  joinCode: z.string().trim().min(1, "must not be empty").max(64, "is not a join code"),
  displayName: text(40).optional(),
});
