import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { listAuditActorNames, listAuditEvents, type AuditEventFilters } from "@/db/queries/audit";
import { getOrganizationById } from "@/db/queries/organizations";
import { auditActions, type AuditAction } from "@/db/schema";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { dayKeySchema, formatLocalDateTime, getLocalDayBounds } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { isAdmin, type Viewer } from "@/lib/services/access/viewer";

export const auditPageSize = 50;

/** The audit page's URL search params; a value that doesn't parse is ignored rather than an error. */
export const auditLogQuerySchema = z.object({
  action: z.enum(auditActions).optional().catch(undefined),
  actor: z.string().trim().min(1).max(200).optional().catch(undefined),
  /** Local days (YYYY-MM-DD) in the organization's time zone, both inclusive. */
  from: dayKeySchema.optional().catch(undefined),
  to: dayKeySchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

export type AuditLogRow = {
  id: number;
  at: number;
  /** In the organization's time zone: "Sun 8 Mar 2026, 14:05". */
  time: string;
  actorName: string;
  action: AuditAction;
  target: string;
  summary: string;
};

export type AuditLog = {
  rows: AuditLogRow[];
  page: number;
  hasMore: boolean;
  actorNames: string[];
  timeZone: string;
};

/** Admins only; anyone else is told the page doesn't exist. Newest first, `auditPageSize` a page. */
export async function listAuditLog(db: Db, viewer: Viewer, query: AuditLogQuery): Promise<AuditLog> {
  if (!isAdmin(viewer)) throw new AppError("NOT_FOUND", "Page not found.");
  const organization = await getOrganizationById(db, viewer.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Page not found.");
  const timeZone = organization.timezone;
  const filters: AuditEventFilters = {
    action: query.action,
    actorName: query.actor,
    from: query.from === undefined ? undefined : getLocalDayBounds(query.from, timeZone).start,
    to: query.to === undefined ? undefined : getLocalDayBounds(query.to, timeZone).end,
  };
  const page = query.page ?? 1;
  const { events, hasMore } = await listAuditEvents(db, {
    organizationId: viewer.organizationId,
    filters,
    limit: auditPageSize,
    offset: (page - 1) * auditPageSize,
  });
  return {
    rows: events.map((event) => ({
      id: event.id,
      at: event.createdAt,
      time: formatLocalDateTime(event.createdAt, timeZone),
      actorName: event.actorName,
      action: event.action,
      target: event.targetId === null ? event.targetType : `${event.targetType} ${event.targetId}`,
      summary: event.summary,
    })),
    page,
    hasMore,
    actorNames: await listAuditActorNames(db, viewer.organizationId),
    timeZone: canonicalTimeZone(timeZone),
  };
}

/** Labels for the action filter and column. */
export const auditActionLabels: Record<AuditAction, string> = {
  "dialpad.connected": "Dialpad connected",
  "dialpad.disconnected": "Dialpad disconnected",
  "dialpad.reconnect_needed": "Dialpad needs reconnecting",
  "mapping.changed": "Mapping changed",
  "user.created": "User added",
  "user.access_changed": "User access changed",
  "user.password_reset": "Password reset",
  "user.sessions_revoked": "Signed out everywhere",
  "scores.settings_changed": "Score settings changed",
  "sync.settings_changed": "Sync settings changed",
  "organization.settings_changed": "Organization settings changed",
  "organization.created": "Organization registered",
  "employees.imported": "Employees imported",
  "data.exported": "Data exported",
  "privacy.settings_changed": "Privacy settings changed",
  "privacy.retention_purged": "Old data deleted (retention)",
  "employee.hidden": "Employee hidden",
  "employee.unhidden": "Employee unhidden",
  "employee.data_exported": "Employee's data exported",
  "employee.erased": "Employee erased",
};
