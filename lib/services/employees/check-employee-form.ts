import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { employeeInputSchema, type EmployeeInput } from "./employee-schemas";
import { findEmployeeProblems } from "./save-employee";

/** The add/edit form's fields as they arrive; employeeInputSchema reads them in checkEmployeeForm. */
export const employeeFormSchema = z.object(
  Object.fromEntries(Object.keys(employeeInputSchema.shape).map((key) => [key, z.unknown()])) as Record<keyof EmployeeInput, z.ZodUnknown>,
);

/**
 * Admins only. Every problem with the add/edit form in one pass: the schema's, and the organization's
 * (phone format, email taken, manager) for the fields that are valid on their own.
 */
export async function checkEmployeeForm(db: Db, viewer: Viewer, form: Record<string, unknown>, employeeId: number | null): Promise<EmployeeInput> {
  assertRole(viewer, ["admin"]);
  const parsed = employeeInputSchema.safeParse(form);
  if (parsed.success) return parsed.data;
  const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
  const shape = employeeInputSchema.shape;
  const valid = <K extends "phone" | "email" | "managerId">(key: K) => {
    const field = shape[key].safeParse(form[key]);
    return field.success ? (field.data as EmployeeInput[K]) : undefined;
  };
  const more = await findEmployeeProblems(db, viewer, { phone: valid("phone"), email: valid("email"), managerId: valid("managerId") }, employeeId);
  throw new AppError("VALIDATION", "Please correct the highlighted fields.", { ...more, ...fieldErrors });
}
