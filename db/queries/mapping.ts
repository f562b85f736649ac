import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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
import { AppError } from "@/lib/errors";
import type { DialpadUserRecord } from "@/lib/integrations/dialpad/transform";

const upsertChunkSize = 1000;

export async function listDialpadUsers(db: Db, organizationId: number): Promise<DialpadUserRow[]> {
  return db
    .select()
    .from(dialpadUsers)
    .where(eq(dialpadUsers.organizationId, organizationId))
    .orderBy(asc(dialpadUsers.displayName), asc(dialpadUsers.id))
    .all();
}

/**
 * Upserts the fetched directory in chunks (yielding between them so other requests get the
 * database), then marks every user this refresh did not see as removed.
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
    db.transaction((tx) => {
      for (const record of chunk) {
        const fields = {
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
          lastSeenAt: now,
          removedAt: null,
        };
        tx.insert(dialpadUsers)
          .values({ ...fields, organizationId, dialpadUserId: record.dialpadUserId, firstSeenAt: now })
          .onConflictDoUpdate({ target: [dialpadUsers.organizationId, dialpadUsers.dialpadUserId], set: fields })
          .run();
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return db.transaction((tx) => {
    // A user whose record failed validation still exists in Dialpad: keep it as it was, not removed.
    for (const dialpadUserId of summary.rejectedIds) {
      tx.update(dialpadUsers)
        .set({ lastSeenAt: now })
        .where(and(eq(dialpadUsers.organizationId, organizationId), eq(dialpadUsers.dialpadUserId, dialpadUserId)))
        .run();
    }
    const removed = tx
      .update(dialpadUsers)
      .set({ removedAt: now })
      .where(
        and(eq(dialpadUsers.organizationId, organizationId), lt(dialpadUsers.lastSeenAt, now), isNull(dialpadUsers.removedAt)),
      )
      .run();
    const refresh = { refreshedAt: now, userCount: records.length, rejectedCount: summary.rejectedCount };
    tx.insert(dialpadDirectoryRefreshes)
      .values({ organizationId, ...refresh })
      .onConflictDoUpdate({ target: dialpadDirectoryRefreshes.organizationId, set: refresh })
      .run();
    return { removedCount: removed.changes };
  });
}

export async function getDialpadDirectoryRefresh(db: Db, organizationId: number): Promise<DialpadDirectoryRefresh | undefined> {
  return db.select().from(dialpadDirectoryRefreshes).where(eq(dialpadDirectoryRefreshes.organizationId, organizationId)).get();
}

export async function listEmployeeDialpadLinks(db: Db, organizationId: number): Promise<EmployeeDialpadLink[]> {
  return db.select().from(employeeDialpadLinks).where(eq(employeeDialpadLinks.organizationId, organizationId)).all();
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

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A consistent read of the organization's mapping state; undefined when the organization is gone. */
export async function readMappingSnapshot(db: Db, organizationId: number): Promise<MappingSnapshot | undefined> {
  return db.transaction((tx) => readSnapshot(tx, organizationId), { behavior: "deferred" });
}

/**
 * Reads the snapshot, lets `plan` (pure and synchronous) decide the link changes, and writes them
 * with their audit rows, all in one immediate transaction, so concurrent mapping runs cannot
 * interleave. `plan` may throw to abort without writing.
 */
export async function updateMapping<T>(
  db: Db,
  organizationId: number,
  plan: (snapshot: MappingSnapshot) => { changes: LinkChange[]; value: T },
  now: number,
): Promise<T> {
  return db.transaction(
    (tx) => {
      const snapshot = readSnapshot(tx, organizationId);
      if (!snapshot) throw new AppError("NOT_FOUND", "Organization not found.");
      const { changes, value } = plan(snapshot);
      writeLinkChanges(tx, organizationId, changes, now);
      return value;
    },
    { behavior: "immediate" },
  );
}

function readSnapshot(tx: Tx, organizationId: number): MappingSnapshot | undefined {
  const organization = tx.select().from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!organization) return undefined;
  return {
    organization,
    employees: tx.select().from(employees).where(eq(employees.organizationId, organizationId)).orderBy(asc(employees.id)).all(),
    dialpadUsers: tx.select().from(dialpadUsers).where(eq(dialpadUsers.organizationId, organizationId)).orderBy(asc(dialpadUsers.id)).all(),
    links: tx.select().from(employeeDialpadLinks).where(eq(employeeDialpadLinks.organizationId, organizationId)).all(),
  };
}

// Every changed row is deleted before any is inserted, so a Dialpad user can move between
// employees without tripping the one-employee-per-user unique index.
function writeLinkChanges(tx: Tx, organizationId: number, changes: LinkChange[], now: number): void {
  const createdAtByEmployee = new Map<number, number>();
  for (const change of changes) {
    const old = tx
      .delete(employeeDialpadLinks)
      .where(and(eq(employeeDialpadLinks.organizationId, organizationId), eq(employeeDialpadLinks.employeeId, change.employeeId)))
      .returning({ createdAt: employeeDialpadLinks.createdAt })
      .get();
    if (old) createdAtByEmployee.set(change.employeeId, old.createdAt);
  }
  for (const change of changes) {
    if (change.next) {
      tx.insert(employeeDialpadLinks)
        .values({
          ...change.next,
          organizationId,
          employeeId: change.employeeId,
          updatedByUserId: change.event.actorUserId ?? null,
          createdAt: createdAtByEmployee.get(change.employeeId) ?? now,
          updatedAt: now,
        })
        .run();
    }
    tx.insert(mappingEvents).values({ ...change.event, organizationId, employeeId: change.employeeId, createdAt: now }).run();
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
    .limit(params.limit ?? 100)
    .all();
}

/** The newest audit row per employee, for "last changed" on the mapping page. */
export async function listLatestMappingEvents(db: Db, organizationId: number): Promise<MappingEvent[]> {
  const latest = db
    .select({ latestId: sql<number>`max(${mappingEvents.id})`.as("latest_id") })
    .from(mappingEvents)
    .where(eq(mappingEvents.organizationId, organizationId))
    .groupBy(mappingEvents.employeeId)
    .as("latest");
  return db.select().from(mappingEvents).innerJoin(latest, eq(mappingEvents.id, latest.latestId)).all().map((row) => row.mapping_events);
}
