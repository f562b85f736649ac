"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { resetRoleScoreSettings, scoreSettingsInputSchema, updateScoreSettings } from "@/lib/services/scores/score-settings";

export const updateScoreSettingsAction = createAction(
  { schema: scoreSettingsInputSchema, roles: ["admin"], name: "updateScoreSettings" },
  async (input, { db, viewer }) => {
    await updateScoreSettings(db, viewer, input);
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  },
);

export const resetRoleScoreSettingsAction = createAction(
  { schema: z.object({ role: z.string().trim().min(1).max(120) }), roles: ["admin"], name: "resetRoleScoreSettings" },
  async ({ role }, { db, viewer }) => {
    await resetRoleScoreSettings(db, viewer, role);
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  },
);
