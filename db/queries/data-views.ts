import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dataViews, type DataView, type DataViewKind } from "@/db/schema";

export type NewDataView = {
  organizationId: number;
  employeeId: number;
  viewerUserId: number | null;
  viewerName: string;
  kind: DataViewKind;
  detail: string | null;
  createdAt: number;
};

export async function insertDataView(db: Db, values: NewDataView): Promise<void> {
  await db.insert(dataViews).values(values);
}

/** Who opened an employee's data since `since` (epoch ms), newest first. */
export async function listDataViews(
  db: Db,
  params: { organizationId: number; employeeId: number; since: number; limit: number },
): Promise<DataView[]> {
  return db
    .select()
    .from(dataViews)
    .where(
      and(
        eq(dataViews.organizationId, params.organizationId),
        eq(dataViews.employeeId, params.employeeId),
        gte(dataViews.createdAt, params.since),
      ),
    )
    .orderBy(desc(dataViews.createdAt), desc(dataViews.id))
    .limit(params.limit);
}

/** Deletes up to `limit` entries older than `before`; returns how many went. */
export async function deleteDataViewsBefore(db: Db, params: { organizationId: number; before: number; limit: number }): Promise<number> {
  const ids = await db
    .select({ id: dataViews.id })
    .from(dataViews)
    .where(and(eq(dataViews.organizationId, params.organizationId), lt(dataViews.createdAt, params.before)))
    .limit(params.limit);
  if (ids.length === 0) return 0;
  const gone = await db
    .delete(dataViews)
    .where(and(eq(dataViews.organizationId, params.organizationId), inArray(dataViews.id, ids.map((row) => row.id))))
    .returning({ id: dataViews.id });
  return gone.length;
}

export async function deleteEmployeeDataViews(db: Db, params: { organizationId: number; employeeId: number }): Promise<number> {
  const gone = await db
    .delete(dataViews)
    .where(and(eq(dataViews.organizationId, params.organizationId), eq(dataViews.employeeId, params.employeeId)))
    .returning({ id: dataViews.id });
  return gone.length;
}
