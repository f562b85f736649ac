import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate } from "@/db/locks";
import { firstRow, onlyRow } from "@/db/rows";
import { employees, type Employee, type NewEmployee } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

type EmployeeKey = { organizationId: number; employeeId: number };

const byKey = (key: EmployeeKey) => and(eq(employees.organizationId, key.organizationId), eq(employees.id, key.employeeId));

export async function getEmployeeById(db: Db, key: EmployeeKey): Promise<Employee | undefined> {
  return firstRow(db.select().from(employees).where(byKey(key)));
}

/** Inside withTransaction: the employee, locked until the transaction ends (PostgreSQL). */
export async function getEmployeeForUpdate(tx: Db, key: EmployeeKey): Promise<Employee | undefined> {
  return firstRow(forUpdate(tx, tx.select().from(employees).where(byKey(key))));
}

export async function getEmployeeByEmail(
  db: Db,
  params: { organizationId: number; email: string },
): Promise<Employee | undefined> {
  return firstRow(
    db
      .select()
      .from(employees)
      .where(and(eq(employees.organizationId, params.organizationId), eq(employees.email, params.email))),
  );
}

export async function listEmployees(db: Db, organizationId: number): Promise<Employee[]> {
  return db
    .select()
    .from(employees)
    .where(eq(employees.organizationId, organizationId))
    .orderBy(asc(employees.name), asc(employees.id));
}

/** Inside withTransaction: every employee of the organization, locked until the transaction ends (PostgreSQL). */
export async function listEmployeesForUpdate(tx: Db, organizationId: number): Promise<Employee[]> {
  return forUpdate(tx, tx.select().from(employees).where(eq(employees.organizationId, organizationId)).orderBy(asc(employees.id)));
}

export async function listEmployeeIds(db: Db, organizationId: number): Promise<number[]> {
  const rows = await db.select({ id: employees.id }).from(employees).where(eq(employees.organizationId, organizationId));
  return rows.map((row) => row.id);
}

/** An employee and their direct reports: what a manager may see. */
export async function listEmployeeAndReports(db: Db, key: EmployeeKey): Promise<Employee[]> {
  return db
    .select()
    .from(employees)
    .where(
      and(
        eq(employees.organizationId, key.organizationId),
        or(eq(employees.id, key.employeeId), eq(employees.managerId, key.employeeId)),
      ),
    )
    .orderBy(asc(employees.name), asc(employees.id));
}

export async function listEmployeesByIds(db: Db, organizationId: number, ids: number[]): Promise<Employee[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, organizationId), inArray(employees.id, ids)));
}

export async function insertEmployee(db: Db, values: NewEmployee): Promise<Employee> {
  return onlyRow(db.insert(employees).values(values).returning());
}

export type EmployeeChanges = Partial<
  Pick<Employee, "name" | "email" | "phone" | "timezone" | "title" | "managerId" | "isActive">
>;

export async function updateEmployee(db: Db, key: EmployeeKey, changes: EmployeeChanges): Promise<Employee | undefined> {
  return firstRow(
    db
      .update(employees)
      .set({ ...changes, updatedAt: Date.now() })
      .where(byKey(key))
      .returning(),
  );
}

export type ImportedEmployee = {
  name: string;
  email: string;
  phone: string | null;
  timezone: string | null;
  title: string | null;
  managerEmail: string | null;
};

// Rows per statement: 500 rows × 8 values stays far below either engine's bound-parameter limit.
const importChunkSize = 500;

/**
 * Upserts every row by (organization, email) and then links managers by email, in one transaction
 * (joining the caller's): if any statement fails, nothing is imported.
 */
export async function applyEmployeeImport(
  db: Db,
  organizationId: number,
  rows: ImportedEmployee[],
): Promise<{ created: number; updated: number }> {
  return withTransaction(db, async (tx) => {
    const now = Date.now();
    const existing = await tx
      .select({ id: employees.id, email: employees.email })
      .from(employees)
      .where(eq(employees.organizationId, organizationId));
    const idByEmail = new Map(existing.map((e) => [e.email, e.id]));
    const created = rows.filter((row) => !idByEmail.has(row.email)).length;
    for (const chunk of chunks(rows, importChunkSize)) {
      const saved = await tx
        .insert(employees)
        .values(
          chunk.map((row) => ({
            organizationId,
            email: row.email,
            name: row.name,
            phone: row.phone,
            timezone: row.timezone,
            title: row.title,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [employees.organizationId, employees.email],
          set: {
            name: sql`excluded.name`,
            phone: sql`excluded.phone`,
            timezone: sql`excluded.timezone`,
            title: sql`excluded.title`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .returning({ id: employees.id, email: employees.email });
      for (const employee of saved) idByEmail.set(employee.email, employee.id);
    }
    for (const chunk of chunks(rows, importChunkSize)) {
      const cases: SQL[] = chunk.map((row) => {
        const managerId = row.managerEmail === null ? null : idByEmail.get(row.managerEmail);
        if (managerId === undefined) throw new Error("Import manager vanished during the transaction");
        return sql`when ${row.email} then cast(${managerId} as integer)`;
      });
      await tx
        .update(employees)
        .set({ managerId: sql`case ${employees.email} ${sql.join(cases, sql` `)} end` })
        .where(and(eq(employees.organizationId, organizationId), inArray(employees.email, chunk.map((row) => row.email))));
    }
    return { created, updated: rows.length - created };
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
