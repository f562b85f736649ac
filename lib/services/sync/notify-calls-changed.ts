import type { Db } from "@/db/client";
import { afterCallsChanged } from "./after-calls-changed";

/** Runs the after-change hook; its failure is logged and never stops the sync that stored the calls. */
export async function notifyCallsChanged(db: Db, organizationId: number): Promise<void> {
  try {
    await afterCallsChanged(db, organizationId);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.error(`[sync] afterCallsChanged failed for organization ${organizationId}: ${detail}`);
  }
}
