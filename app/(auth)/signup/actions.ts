"use server";

import { redirect } from "next/navigation";
import { createPublicAction } from "@/lib/action";
import { rawFormSchema } from "@/lib/one-pass-form";
import { checkSignUpForm, signUpOrganization, signUpSchema } from "@/lib/services/organizations/sign-up-organization";

// Public by design (the visitor has no account yet); the service refuses while DAYMARK_SIGNUP is closed.
export const signUpAction = createPublicAction({ schema: rawFormSchema(signUpSchema), name: "signUp" }, async (form, { db }) => {
  await signUpOrganization(db, await checkSignUpForm(db, form));
  redirect("/login?signup=1");
});
