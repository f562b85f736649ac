"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { disconnectDialpad } from "@/lib/services/dialpad-connection/disconnect";

const disconnectSchema = z.object({ callData: z.enum(["keep", "delete"], { message: "Choose whether to keep the call data." }) });

export const disconnectDialpadAction = createAction(
  { schema: disconnectSchema, roles: ["admin"], name: "disconnectDialpad" },
  async ({ callData }, { viewer, db }): Promise<void> => {
    await disconnectDialpad(db, viewer, { deleteCallData: callData === "delete" });
    revalidatePath("/settings/products");
    redirect("/settings/products?dialpad=disconnected");
  },
);
