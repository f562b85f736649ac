import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { employees, type Employee, type NewEmployee } from "@/db/schema";

type EmployeeKey = { organizationId: number; employeeId: number };

export async function getEmployeeById(db: Db, key: EmployeeKey): Promise<Employee | undefined> {
  return db
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, key.organizationId), eq(employees.id, key.employeeId)))
    .get();
}

export async function getEmployeeByEmail(
  db: Db,
  params: { organizationId: number; email: string },
): Promise<Employee | undefined> {
  return db
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, params.organizationId), eq(employees.email, params.email)))
    .get();
}

export async function listEmployees(db: Db, organizationId: number): Promise<Employee[]> {
  return db
    .select()
    .from(employees)
    .where(eq(employees.organizationId, organizationId))
    .orderBy(asc(employees.name), asc(employees.id))
    .all();
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
    .orderBy(asc(employees.name), asc(employees.id))
    .all();
}

export async function listEmployeesByIds(db: Db, organizationId: number, ids: number[]): Promise<Employee[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(employees)
    .where(and(eq(employees.organizationId, organizationId), inArray(employees.id, ids)))
    .all();
}

export async function insertEmployee(db: Db, values: NewEmployee): Promise<Employee> {
  return db.insert(employees).values(values).returning().get();
}

export type EmployeeChanges = Partial<
  Pick<Employee, "name" | "email" | "phone" | "timezone" | "title" | "managerId" | "isActive">
>;

export async function updateEmployee(db: Db, key: EmployeeKey, changes: EmployeeChanges): Promise<Employee | undefined> {
  return db
    .update(employees)
    .set({ ...changes, updatedAt: Date.now() })
    .where(and(eq(employees.organizationId, key.organizationId), eq(employees.id, key.employeeId)))
    .returning()
    .get();
}

export type ImportedEmployee = {
  name: string;
  email: string;
  phone: string | null;
  timezone: string | null;
  title: string | null;
  managerEmail: string | null;
};

/**
 * Upserts every row by (organization, email) and then links managers by email, all in one
 * synchronous transaction: better-sqlite3 rolls back everything if any statement throws.
 */
export async function applyEmployeeImport(
  db: Db,
  organizationId: number,
  rows: ImportedEmployee[],
): Promise<{ created: number; updated: number }> {
  return db.transaction(
    (tx) => {
      const now = Date.now();
      const idByEmail = new Map(
        tx
          .select({ id: employees.id, email: employees.email })
          .from(employees)
          .where(eq(employees.organizationId, organizationId))
          .all()
          .map((e) => [e.email, e.id]),
      );
      let created = 0;
      for (const row of rows) {
        const fields = { name: row.name, phone: row.phone, timezone: row.timezone, title: row.title, updatedAt: now };
        const existingId = idByEmail.get(row.email);
        if (existingId === undefined) {
          const inserted = tx
            .insert(employees)
            .values({ ...fields, organizationId, email: row.email, createdAt: now })
            .returning({ id: employees.id })
            .get();
          idByEmail.set(row.email, inserted.id);
          created += 1;
        } else {
          tx.update(employees).set(fields).where(eq(employees.id, existingId)).run();
        }
      }
      for (const row of rows) {
        const managerId = row.managerEmail === null ? null : idByEmail.get(row.managerEmail);
        if (managerId === undefined) throw new Error("Import manager vanished during the transaction");
        tx.update(employees)
          .set({ managerId })
          .where(and(eq(employees.organizationId, organizationId), eq(employees.email, row.email)))
          .run();
      }
      return { created, updated: rows.length - created };
    },
    { behavior: "immediate" },
  );
}
