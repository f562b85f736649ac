"use server";

import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";
import { passwordSchema } from "@/lib/services/users/user-schemas";

const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(200), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

// Both end every session of the user, this one included, so the browser goes to sign-in.
export const changePasswordAction = createAction({ schema: changePasswordSchema, name: "changePassword" }, async (input, { db, viewer }) => {
  await changeOwnPassword(db, viewer, input);
  redirect("/login?notice=password-changed");
});

export const signOutEverywhereAction = createAction({ schema: z.object({}), name: "signOutEverywhere" }, async (_input, { db, viewer }) => {
  await signOutEverywhere(db, viewer, { userId: viewer.userId });
  redirect("/login?notice=signed-out-everywhere");
});
