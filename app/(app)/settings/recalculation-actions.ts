"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { retryFailedScoreWork } from "@/lib/services/scores/retry-failed-score-work";

const retrySchema = z.object({ id: z.union([z.literal("all"), z.coerce.number().int().positive().max(2_147_483_647)]) });

export const retryFailedScoreWorkAction = createAction(
  { schema: retrySchema, roles: ["admin"], name: "retryFailedScoreWork" },
  async ({ id }, { db, viewer }) => {
    const requeued = await retryFailedScoreWork(db, viewer, id === "all" ? "all" : { id });
    revalidatePath("/", "layout");
    return { requeued };
  },
);
