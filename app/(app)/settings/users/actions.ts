"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { getEnv } from "@/lib/env";
import { idSchema } from "@/lib/id-schema";
import { rawFormSchema } from "@/lib/one-pass-form";
import { checkCreateUserForm, createUser, createUserSchema } from "@/lib/services/users/create-user";
import { issuePasswordReset } from "@/lib/services/users/password-reset";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";
import { changeUserRole, setUserActive } from "@/lib/services/users/update-user-access";
import { roleSchema } from "@/lib/services/users/user-schemas";

const admins = ["admin"] as const;
const userIdSchema = idSchema();

export const createUserAction = createAction(
  { schema: rawFormSchema(createUserSchema), roles: admins, name: "createUser" },
  async (form, { db, viewer }) => {
    const user = await createUser(db, viewer, await checkCreateUserForm(db, viewer, form));
    revalidatePath("/settings/users");
    return { email: user.email, createdAt: user.createdAt };
  },
);

export const changeRoleAction = createAction(
  { schema: z.object({ userId: userIdSchema, role: roleSchema }), roles: admins, name: "changeRole" },
  async (input, { db, viewer }) => {
    const user = await changeUserRole(db, viewer, input);
    revalidatePath("/settings/users");
    return { role: user.role };
  },
);

export const setUserActiveAction = createAction(
  {
    schema: z.object({ userId: userIdSchema, isActive: z.enum(["true", "false"]).transform((v) => v === "true") }),
    roles: admins,
    name: "setUserActive",
  },
  async (input, { db, viewer }) => {
    const user = await setUserActive(db, viewer, input);
    revalidatePath("/settings/users");
    return { isActive: user.isActive };
  },
);

export const signOutUserEverywhereAction = createAction(
  { schema: z.object({ userId: userIdSchema }), roles: admins, name: "signOutUserEverywhere" },
  async (input, { db, viewer }) => ({ sessionsEnded: await signOutEverywhere(db, viewer, input), at: Date.now() }),
);

// The link is shown once, to the admin who asked; only its hash is stored.
export const issuePasswordResetAction = createAction(
  { schema: z.object({ userId: userIdSchema }), roles: admins, name: "issuePasswordReset" },
  async (input, { db, viewer }) => {
    const { token, expiresAt } = await issuePasswordReset(db, viewer, input);
    return { url: new URL(`/reset-password/${token}`, getEnv().APP_URL).toString(), expiresAt };
  },
);
