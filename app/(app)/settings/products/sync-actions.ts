"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import type { SyncRunKind } from "@/db/schema";
import { createAction } from "@/lib/action";
import { rawFormSchema } from "@/lib/one-pass-form";
import { requestResync, requestSyncNow, resyncRangeSchema } from "@/lib/services/sync/request-sync";
import { syncSettingsSchema, updateSyncSettings } from "@/lib/services/sync/sync-settings";

const startedMessages: Record<SyncRunKind, string> = {
  backfill: "Backfill started. Progress shows above.",
  incremental: "Sync started.",
  resync: "Re-sync started. Progress shows above.",
};

export const syncNowAction = createAction(
  { schema: z.object({}), roles: ["admin"], name: "syncNow" },
  async (_input, { viewer, db }): Promise<{ message: string; runId: number }> => {
    const run = await requestSyncNow(db, viewer);
    revalidatePath("/settings/products");
    return { message: startedMessages[run.kind], runId: run.id };
  },
);

export const resyncRangeAction = createAction(
  { schema: rawFormSchema(resyncRangeSchema), roles: ["admin"], name: "resyncRange" },
  async (form, { viewer, db }): Promise<{ message: string }> => {
    await requestResync(db, viewer, form);
    revalidatePath("/settings/products");
    return { message: startedMessages.resync };
  },
);

export const saveSyncSettingsAction = createAction(
  { schema: syncSettingsSchema, roles: ["admin"], name: "saveSyncSettings" },
  async (settings, { viewer, db }) => {
    const saved = await updateSyncSettings(db, viewer, settings);
    revalidatePath("/settings/products");
    return saved;
  },
);
