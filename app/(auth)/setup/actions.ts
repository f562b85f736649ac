"use server";

import { redirect } from "next/navigation";
import { createPublicAction } from "@/lib/action";
import { setupOrganization, setupSchema } from "@/lib/services/organizations/setup-organization";

// Public by necessity (nobody can sign in yet); the service refuses once any organization exists.
export const setupAction = createPublicAction({ schema: setupSchema, name: "setup" }, async (input, { db }) => {
  await setupOrganization(db, input);
  redirect("/login?setup=1");
});
