import { z } from "zod";

export const LoginBody = z.object({
  email: z.email("must be an email address").max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});
