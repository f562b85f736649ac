import type { Db } from "@/db/client";
import { parseFormInOnePass, rawFormSchema } from "@/lib/one-pass-form";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { employeeInputSchema, type EmployeeInput } from "./employee-schemas";
import { findEmployeeProblems } from "./save-employee";

export const employeeFormSchema = rawFormSchema(employeeInputSchema);

/** Admins only. Every problem with the add/edit form in one pass: the schema's and the organization's rules. */
export async function checkEmployeeForm(db: Db, viewer: Viewer, form: Record<string, unknown>, employeeId: number | null): Promise<EmployeeInput> {
  assertRole(viewer, ["admin"]);
  return parseFormInOnePass(employeeInputSchema, form, (valid) =>
    findEmployeeProblems(db, viewer, { phone: valid("phone"), email: valid("email"), managerId: valid("managerId") }, employeeId),
  );
}
