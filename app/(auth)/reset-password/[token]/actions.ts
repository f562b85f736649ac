"use server";

import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createPublicAction } from "@/lib/action";
import { completePasswordReset } from "@/lib/services/users/password-reset";
import { passwordSchema } from "@/lib/services/users/user-schemas";

const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(100), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

export const resetPasswordAction = createPublicAction({ schema: resetPasswordSchema, name: "resetPassword" }, async (input, { db }) => {
  await completePasswordReset(db, input);
  redirect("/login?notice=password-reset");
});
