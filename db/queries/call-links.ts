// How a day's legs link to each other (three-way merges, transfers), for the day view's overlap labels.
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { organizationFilter } from "./organization-filter";

export interface CallLinkIds {
  callId: number;
  dialpadCallId: string;
  masterCallId: string | null;
  entryPointCallId: string | null;
}

/** The primary key: the listed legs' Dialpad ids and the master and entry-point legs they name. */
export async function listCallLinkIds(db: Db, params: { organizationId: number; callIds: number[] }): Promise<CallLinkIds[]> {
  if (params.callIds.length === 0) return [];
  const rows: CallLinkIds[] = [];
  // Chunked: a 300-call day stays under every engine's bound-parameter limit.
  for (let i = 0; i < params.callIds.length; i += 500) {
    rows.push(
      ...(await db
        .select({ callId: calls.id, dialpadCallId: calls.dialpadCallId, masterCallId: calls.masterCallId, entryPointCallId: calls.entryPointCallId })
        .from(calls)
        .where(and(organizationFilter(db, calls.organizationId, params.organizationId), inArray(calls.id, params.callIds.slice(i, i + 500))))),
    );
  }
  return rows;
}
