// Everything stored about one employee, for a subject-request export.
import { and, asc, count, desc, eq } from "drizzle-orm";
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

/** The latest `limit` legs of a Dialpad user, newest first (My data). */
export async function listRecentDialpadUserCalls(db: Db, params: { organizationId: number; dialpadUserId: string; limit: number }) {
  return db
    .select({
      id: calls.id,
      direction: calls.direction,
      state: calls.state,
      startedAt: calls.startedAt,
      durationMs: calls.durationMs,
      externalNumber: calls.externalNumber,
      contactName: calls.contactName,
    })
    .from(calls)
    .where(and(eq(calls.organizationId, params.organizationId), eq(calls.dialpadUserId, params.dialpadUserId)))
    .orderBy(desc(calls.startedAt))
    .limit(params.limit);
}

/** How many legs and scored days are stored for the employee (My data). */
export async function countEmployeeRows(db: Db, params: { organizationId: number; employeeId: number; dialpadUserId: string | null }) {
  const [scoreCount] = await db
    .select({ n: count() })
    .from(dailyScores)
    .where(and(eq(dailyScores.organizationId, params.organizationId), eq(dailyScores.employeeId, params.employeeId)));
  const [callCount] = params.dialpadUserId
    ? await db
        .select({ n: count() })
        .from(calls)
        .where(and(eq(calls.organizationId, params.organizationId), eq(calls.dialpadUserId, params.dialpadUserId)))
    : [{ n: 0 }];
  return { dailyScores: Number(scoreCount?.n ?? 0), calls: Number(callCount?.n ?? 0) };
}

/** The latest `limit` scored days, newest first (My data). */
export async function listRecentDailyScores(db: Db, params: { organizationId: number; employeeId: number; limit: number }) {
  return db
    .select({ dayKey: dailyScores.dayKey, score: dailyScores.score, talkMs: dailyScores.talkMs, connectedCalls: dailyScores.connectedCalls })
    .from(dailyScores)
    .where(and(eq(dailyScores.organizationId, params.organizationId), eq(dailyScores.employeeId, params.employeeId)))
    .orderBy(desc(dailyScores.dayKey))
    .limit(params.limit);
}
