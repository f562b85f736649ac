import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { onlyRow } from "@/db/rows";
import { auditEvents, type AuditAction, type AuditEvent, type NewAuditEvent } from "@/db/schema";

// The audit log is append-only: there is deliberately no update or delete here. Rows go only when
// their organization is deleted (foreign key cascade).

export async function insertAuditEvent(db: Db, values: NewAuditEvent): Promise<AuditEvent> {
  return onlyRow(db.insert(auditEvents).values(values).returning());
}

export type AuditEventFilters = {
  action?: AuditAction;
  /** Exact actor name as recorded ("Automatic" for work nobody started by hand). */
  actorName?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
};

/** One page of an organization's events, newest first; `hasMore` says whether an older page exists. */
export async function listAuditEvents(
  db: Db,
  params: { organizationId: number; filters: AuditEventFilters; limit: number; offset: number },
): Promise<{ events: AuditEvent[]; hasMore: boolean }> {
  const { organizationId, filters, limit, offset } = params;
  const conditions: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.actorName !== undefined) conditions.push(eq(auditEvents.actorName, filters.actorName));
  if (filters.from !== undefined) conditions.push(gte(auditEvents.createdAt, filters.from));
  if (filters.to !== undefined) conditions.push(lt(auditEvents.createdAt, filters.to));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1)
    .offset(offset);
  return { events: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The names that appear as actors in an organization's log, for the actor filter. */
export async function listAuditActorNames(db: Db, organizationId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actorName: auditEvents.actorName })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(auditEvents.actorName);
  return rows.map((row) => row.actorName);
}
