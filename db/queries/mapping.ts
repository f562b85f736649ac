import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withReadSnapshot } from "@/db/engines/read-snapshot";
import { firstRow } from "@/db/rows";
import {
  dialpadDirectoryRefreshes,
  employees,
  organizations,
  type Employee,
  type Organization,
  dialpadUsers,
  employeeDialpadLinks,
  mappingEvents,
  type DialpadDirectoryRefresh,
  type DialpadUserRow,
  type EmployeeDialpadLink,
  type MappingEvent,
  type MappingMethod,
  type NewMappingEvent,
} from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { forUpdate } from "@/db/locks";
import { insertAuditEvent } from "@/db/queries/audit";
import { insertQueueRows, newQueueBatch } from "@/db/queries/score-queue";
import { AppError } from "@/lib/errors";
import type { DialpadUserRecord } from "@/lib/integrations/dialpad/transform";

// Directory rows per transaction (and per statement: 1,000 × 15 values is within both engines' parameter limits).
const upsertChunkSize = 1000;
// Employees per statement when writing link changes.
const linkChunkSize = 500;

export async function listDialpadUsers(db: Db, organizationId: number): Promise<DialpadUserRow[]> {
  return db
    .select()
    .from(dialpadUsers)
    .where(eq(dialpadUsers.organizationId, organizationId))
    .orderBy(asc(dialpadUsers.displayName), asc(dialpadUsers.id));
}

/**
 * Upserts the fetched directory one transaction per chunk (yielding between them so other requests
 * get the database), then marks every user this refresh did not see as removed.
 */
export async function saveDialpadDirectory(
  db: Db,
  organizationId: number,
  records: DialpadUserRecord[],
  summary: { now: number; rejectedCount: number; rejectedIds: string[] },
): Promise<{ removedCount: number }> {
  const { now } = summary;
  for (let start = 0; start < records.length; start += upsertChunkSize) {
    const chunk = records.slice(start, start + upsertChunkSize);
    await withTransaction(db, async (tx) => {
      await tx
        .insert(dialpadUsers)
        .values(
          chunk.map((record) => ({
            organizationId,
            dialpadUserId: record.dialpadUserId,
            displayName: record.displayName,
            firstName: record.firstName,
            lastName: record.lastName,
            emails: record.emails,
            phoneNumbers: record.phoneNumbers,
            state: record.state,
            license: record.license,
            isSuperAdmin: record.isSuperAdmin,
            timezone: record.timezone,
            jobTitle: record.jobTitle,
            firstSeenAt: now,
            lastSeenAt: now,
            removedAt: null,
          })),
        )
        .onConflictDoUpdate({
          target: [dialpadUsers.organizationId, dialpadUsers.dialpadUserId],
          set: {
            displayName: sql`excluded.display_name`,
            firstName: sql`excluded.first_name`,
            lastName: sql`excluded.last_name`,
            emails: sql`excluded.emails`,
            phoneNumbers: sql`excluded.phone_numbers`,
            state: sql`excluded.state`,
            license: sql`excluded.license`,
            isSuperAdmin: sql`excluded.is_super_admin`,
            timezone: sql`excluded.timezone`,
            jobTitle: sql`excluded.job_title`,
            lastSeenAt: sql`excluded.last_seen_at`,
            removedAt: null,
          },
        });
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return withTransaction(db, async (tx) => {
    // A user whose record failed validation still exists in Dialpad: keep it as it was, not removed.
    for (let start = 0; start < summary.rejectedIds.length; start += upsertChunkSize) {
      await tx
        .update(dialpadUsers)
        .set({ lastSeenAt: now })
        .where(
          and(
            eq(dialpadUsers.organizationId, organizationId),
            inArray(dialpadUsers.dialpadUserId, summary.rejectedIds.slice(start, start + upsertChunkSize)),
          ),
        );
    }
    const removed = await tx
      .update(dialpadUsers)
      .set({ removedAt: now })
      .where(
        and(eq(dialpadUsers.organizationId, organizationId), lt(dialpadUsers.lastSeenAt, now), isNull(dialpadUsers.removedAt)),
      )
      .returning({ id: dialpadUsers.id });
    const refresh = { refreshedAt: now, userCount: records.length, rejectedCount: summary.rejectedCount };
    await tx
      .insert(dialpadDirectoryRefreshes)
      .values({ organizationId, ...refresh })
      .onConflictDoUpdate({ target: dialpadDirectoryRefreshes.organizationId, set: refresh });
    return { removedCount: removed.length };
  });
}

export async function getDialpadDirectoryRefresh(db: Db, organizationId: number): Promise<DialpadDirectoryRefresh | undefined> {
  return firstRow(db.select().from(dialpadDirectoryRefreshes).where(eq(dialpadDirectoryRefreshes.organizationId, organizationId)));
}

export async function listEmployeeDialpadLinks(db: Db, organizationId: number): Promise<EmployeeDialpadLink[]> {
  return db.select().from(employeeDialpadLinks).where(eq(employeeDialpadLinks.organizationId, organizationId));
}

/** Everything mapping decisions are computed from, read at one point in time. */
export type MappingSnapshot = {
  organization: Organization;
  employees: Employee[];
  dialpadUsers: DialpadUserRow[];
  links: EmployeeDialpadLink[];
};

/** The new state of one employee's link; null removes the row (back to "automatic, nothing found"). */
export type LinkTarget = { dialpadUserId: string | null; method: MappingMethod; matchedValue: string | null } | null;

export type LinkChange = {
  employeeId: number;
  next: LinkTarget;
  event: Pick<NewMappingEvent, "fromDialpadUserId" | "fromMethod" | "toDialpadUserId" | "toMethod" | "actorUserId" | "actorName" | "reason">;
};

/** A consistent read of the organization's mapping state; undefined when the organization is gone. */
export async function readMappingSnapshot(db: Db, organizationId: number): Promise<MappingSnapshot | undefined> {
  return withReadSnapshot(db, async (tx) => {
    const organization = await firstRow(tx.select().from(organizations).where(eq(organizations.id, organizationId)));
    return organization && readSnapshotRest(tx, organization);
  });
}

/**
 * Locks the organization's mapping (its organization row), reads the snapshot, lets `plan` (pure
 * and synchronous) decide the link changes, and writes them with their audit rows and the score
 * work they cause (a full recompute of every employee whose Dialpad user changed), all in one
 * transaction, so concurrent mapping runs cannot interleave. `plan` may throw to abort without writing.
 */
export async function updateMapping<T>(
  db: Db,
  organizationId: number,
  plan: (snapshot: MappingSnapshot) => { changes: LinkChange[]; value: T; auditSummary?: string },
  now: number,
): Promise<T> {
  return withTransaction(db, async (tx) => {
    const organization = await firstRow(forUpdate(tx, tx.select().from(organizations).where(eq(organizations.id, organizationId))));
    if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
    const snapshot = await readSnapshotRest(tx, organization);
    const { changes, value, auditSummary } = plan(snapshot);
    await writeLinkChanges(tx, organizationId, changes, now);
    if (changes.length > 0) await insertMappingAuditEvent(tx, snapshot, changes, auditSummary, now);
    return value;
  });
}

// One organization audit event per mapping action (an admin's choice, or one auto-mapping run), next
// to the per-employee mapping_events rows. The first change's actor is the one who acted: follow-up
// changes ride along.
async function insertMappingAuditEvent(tx: Db, snapshot: MappingSnapshot, changes: LinkChange[], summary: string | undefined, now: number) {
  const { actorUserId = null, actorName } = changes[0]!.event;
  const nameOf = (employeeId: number) => snapshot.employees.find((e) => e.id === employeeId)?.name ?? `Employee ${employeeId}`;
  const count = changes.length;
  await insertAuditEvent(tx, {
    organizationId: snapshot.organization.id,
    actorUserId,
    actorName,
    action: "mapping.changed",
    targetType: "employee_mapping",
    targetId: count === 1 ? String(changes[0]!.employeeId) : null,
    summary: summary ?? `Changed the Dialpad mapping of ${count === 1 ? nameOf(changes[0]!.employeeId) : `${count} employees`}`,
    details: JSON.stringify({
      count,
      changes: changes.map(({ employeeId, event }) => ({
        employeeId,
        employee: nameOf(employeeId),
        from: event.fromDialpadUserId ?? null,
        to: event.toDialpadUserId ?? null,
        method: event.toMethod ?? null,
        reason: event.reason,
      })),
    }),
    createdAt: now,
  });
}

async function readSnapshotRest(tx: Db, organization: Organization): Promise<MappingSnapshot> {
  const organizationId = organization.id;
  return {
    organization,
    employees: await tx.select().from(employees).where(eq(employees.organizationId, organizationId)).orderBy(asc(employees.id)),
    dialpadUsers: await tx.select().from(dialpadUsers).where(eq(dialpadUsers.organizationId, organizationId)).orderBy(asc(dialpadUsers.id)),
    links: await tx.select().from(employeeDialpadLinks).where(eq(employeeDialpadLinks.organizationId, organizationId)),
  };
}

// Every changed row is deleted before any is inserted, so a Dialpad user can move between
// employees without tripping the one-employee-per-user unique index.
async function writeLinkChanges(tx: Db, organizationId: number, changes: LinkChange[], now: number): Promise<void> {
  const oldByEmployee = new Map<number, { createdAt: number; dialpadUserId: string | null }>();
  for (const chunk of chunks(changes, linkChunkSize)) {
    const deleted = await tx
      .delete(employeeDialpadLinks)
      .where(
        and(
          eq(employeeDialpadLinks.organizationId, organizationId),
          inArray(employeeDialpadLinks.employeeId, chunk.map((change) => change.employeeId)),
        ),
      )
      .returning({
        employeeId: employeeDialpadLinks.employeeId,
        createdAt: employeeDialpadLinks.createdAt,
        dialpadUserId: employeeDialpadLinks.dialpadUserId,
      });
    for (const old of deleted) oldByEmployee.set(old.employeeId, old);
  }
  for (const chunk of chunks(changes, linkChunkSize)) {
    const links = chunk.flatMap((change) =>
      change.next
        ? [
            {
              ...change.next,
              organizationId,
              employeeId: change.employeeId,
              updatedByUserId: change.event.actorUserId ?? null,
              createdAt: oldByEmployee.get(change.employeeId)?.createdAt ?? now,
              updatedAt: now,
            },
          ]
        : [],
    );
    if (links.length > 0) await tx.insert(employeeDialpadLinks).values(links);
    await tx
      .insert(mappingEvents)
      .values(chunk.map((change) => ({ ...change.event, organizationId, employeeId: change.employeeId, createdAt: now })));
  }
  // The employee's calls now belong to someone else: every day of theirs is recomputed after the commit.
  const newUser = changes.filter(
    (change) => (oldByEmployee.get(change.employeeId)?.dialpadUserId ?? null) !== (change.next?.dialpadUserId ?? null),
  );
  if (newUser.length > 0) {
    const rows = newUser.map((change) => ({ kind: "employee" as const, employeeId: change.employeeId }));
    await insertQueueRows(tx, organizationId, rows, newQueueBatch("employees", rows.length));
  }
}

export async function listMappingEvents(
  db: Db,
  params: { organizationId: number; employeeId?: number; limit?: number },
): Promise<MappingEvent[]> {
  const byEmployee = params.employeeId === undefined ? undefined : eq(mappingEvents.employeeId, params.employeeId);
  return db
    .select()
    .from(mappingEvents)
    .where(and(eq(mappingEvents.organizationId, params.organizationId), byEmployee))
    .orderBy(desc(mappingEvents.createdAt), desc(mappingEvents.id))
    .limit(params.limit ?? 100);
}

/** The newest audit row per employee, for "last changed" on the mapping page. */
export async function listLatestMappingEvents(db: Db, organizationId: number): Promise<MappingEvent[]> {
  const latest = db
    .select({ latestId: sql<number>`max(${mappingEvents.id})`.as("latest_id") })
    .from(mappingEvents)
    .where(eq(mappingEvents.organizationId, organizationId))
    .groupBy(mappingEvents.employeeId)
    .as("latest");
  const rows = await db
    .select()
    .from(mappingEvents)
    .innerJoin(latest, eq(mappingEvents.id, latest.latestId))
    .where(eq(mappingEvents.organizationId, organizationId));
  return rows.map((row) => row.mapping_events);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
