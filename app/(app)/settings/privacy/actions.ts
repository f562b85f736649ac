"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/action";
import { privacySettingsSchema, updatePrivacySettings } from "@/lib/services/privacy/update-privacy-settings";

export const updatePrivacySettingsAction = createAction(
  { schema: privacySettingsSchema, roles: ["admin"], name: "updatePrivacySettings" },
  async (input, { db, viewer }) => {
    await updatePrivacySettings(db, viewer, input);
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  },
);
