"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/action";
import { organizationSettingsSchema } from "@/lib/services/organizations/organization-schemas";
import { updateOrganizationSettings } from "@/lib/services/organizations/update-organization-settings";

export const updateSettingsAction = createAction(
  { schema: organizationSettingsSchema, roles: ["admin"], name: "updateSettings" },
  async (input, { db, viewer }) => {
    await updateOrganizationSettings(db, viewer, input);
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  },
);
