// Everything stored about one employee, for a subject-request export.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, calls, dailyScores, dataViews, dialpadUsers, employeeDialpadLinks, mappingEvents } from "@/db/schema";

type Key = { organizationId: number; employeeId: number };

export async function listEmployeeMapping(db: Db, key: Key) {
  const links = await db
    .select()
    .from(employeeDialpadLinks)
    .where(and(eq(employeeDialpadLinks.organizationId, key.organizationId), eq(employeeDialpadLinks.employeeId, key.employeeId)));
  const users = [];
  for (const link of links) {
    if (link.dialpadUserId === null) continue;
    users.push(
      ...(await db
        .select()
        .from(dialpadUsers)
        .where(and(eq(dialpadUsers.organizationId, key.organizationId), eq(dialpadUsers.dialpadUserId, link.dialpadUserId)))),
    );
  }
  const history = await db
    .select()
    .from(mappingEvents)
    .where(and(eq(mappingEvents.organizationId, key.organizationId), eq(mappingEvents.employeeId, key.employeeId)))
    .orderBy(asc(mappingEvents.createdAt));
  return { links, dialpadUsers: users, history };
}

export async function listDialpadUserCalls(db: Db, params: { organizationId: number; dialpadUserId: string }) {
  return db
    .select()
    .from(calls)
    .where(and(eq(calls.organizationId, params.organizationId), eq(calls.dialpadUserId, params.dialpadUserId)))
    .orderBy(asc(calls.startedAt));
}

export async function listEmployeeDailyScores(db: Db, key: Key) {
  return db
    .select()
    .from(dailyScores)
    .where(and(eq(dailyScores.organizationId, key.organizationId), eq(dailyScores.employeeId, key.employeeId)))
    .orderBy(asc(dailyScores.dayKey));
}

export async function listEmployeeDataViews(db: Db, key: Key) {
  return db
    .select()
    .from(dataViews)
    .where(and(eq(dataViews.organizationId, key.organizationId), eq(dataViews.employeeId, key.employeeId)))
    .orderBy(asc(dataViews.createdAt));
}

/** Audit events whose target is the employee (edits, hide, unhide, data exports). */
export async function listEmployeeAuditEvents(db: Db, key: Key) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, key.organizationId),
        eq(auditEvents.targetType, "employee"),
        eq(auditEvents.targetId, String(key.employeeId)),
      ),
    )
    .orderBy(asc(auditEvents.createdAt));
}
