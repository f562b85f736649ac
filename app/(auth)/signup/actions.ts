"use server";

import { redirect } from "next/navigation";
import { createPublicAction } from "@/lib/action";
import { signUpOrganization, signUpSchema } from "@/lib/services/organizations/sign-up-organization";

// Public by design (the visitor has no account yet); the service refuses while DAYMARK_SIGNUP is closed.
export const signUpAction = createPublicAction({ schema: signUpSchema, name: "signUp" }, async (input, { db }) => {
  await signUpOrganization(db, input);
  redirect("/login?signup=1");
});
