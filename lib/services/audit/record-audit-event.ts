import type { Db } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import type { AuditAction, AuditEvent } from "@/db/schema";

/** Who did it. A Viewer fits as is; `automaticAuditActor` is work nobody started by hand. */
export type AuditActor = { userId: number | null; name: string };

export const automaticAuditActor: AuditActor = { userId: null, name: "Automatic" };

export type AuditEventInput = {
  organizationId: number;
  actor: AuditActor;
  action: AuditAction;
  /** What was changed: a type ("user", "organization", "dialpad_connection"…) and its id, if it has one. */
  target: { type: string; id?: string | number | null };
  /** One short sentence an admin reads in the log, e.g. "Changed Ana Díaz's role to manager". */
  summary: string;
  /** Anything JSON-serialisable: what changed, counts, before and after. */
  details?: unknown;
  /** Epoch ms; defaults to now. */
  at?: number;
};

/**
 * Appends one event to the organization's audit log. Call it with the transaction that makes the
 * change (`withTransaction(db, async (tx) => { …change…; await recordAuditEvent(tx, …) })`), so the
 * change and its record commit or roll back together.
 */
export async function recordAuditEvent(tx: Db, input: AuditEventInput): Promise<AuditEvent> {
  return insertAuditEvent(tx, {
    organizationId: input.organizationId,
    actorUserId: input.actor.userId,
    actorName: input.actor.name,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id === undefined || input.target.id === null ? null : String(input.target.id),
    summary: input.summary,
    details: input.details === undefined ? null : JSON.stringify(input.details),
    createdAt: input.at ?? Date.now(),
  });
}
