import type { Db } from "@/db/client";
import { saveDialpadDirectory } from "@/db/queries/mapping";
import type { DialpadClient } from "@/lib/integrations/dialpad/client";
import { toDialpadUserRecord, type DialpadUserRecord } from "@/lib/integrations/dialpad/transform";
import { createDialpadClientForOrganization } from "@/lib/services/dialpad-connection/client-for-organization";
import { autoMapOrganization } from "./auto-map";

export type RefreshDialpadUsersResult = {
  /** Users fetched (every state). */
  userCount: number;
  /** User records Dialpad sent that failed validation and were skipped. */
  rejectedCount: number;
  /** Users stored earlier that Dialpad no longer lists. */
  removedCount: number;
  /** Employees whose Dialpad user changed in the auto-mapping that follows. */
  changedEmployeeIds: number[];
};

/**
 * Fetches every page of the organization's Dialpad users (state=all), stores them, and auto-maps
 * employees to new or changed users. The network part finishes before anything is written, so a
 * failed fetch leaves the stored directory as it was. Throws the client's errors for the caller.
 */
export async function refreshDialpadUsers(
  db: Db,
  organizationId: number,
  client: DialpadClient = createDialpadClientForOrganization(db, organizationId),
): Promise<RefreshDialpadUsersResult> {
  const byId = new Map<string, DialpadUserRecord>();
  const rejectedIds: string[] = [];
  let rejectedCount = 0;
  for await (const page of client.listUsers({ state: "all" })) {
    for (const user of page.users) byId.set(user.id, toDialpadUserRecord(user));
    rejectedCount += page.rejected.length;
    rejectedIds.push(...page.rejected.map((item) => rawId(item.raw)).filter((id) => id !== null));
  }
  const records = [...byId.values()];
  const now = Date.now();
  const { removedCount } = await saveDialpadDirectory(db, organizationId, records, { now, rejectedCount, rejectedIds });
  const { changedEmployeeIds } = await autoMapOrganization(db, organizationId);
  return { userCount: records.length, rejectedCount, removedCount, changedEmployeeIds };
}

function rawId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const id = (raw as { id: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}
