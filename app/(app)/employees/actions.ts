"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { importFileTooLargeMessage, maxImportFileBytes } from "@/lib/import-file-limit";
import { checkEmployeeForm, employeeFormSchema } from "@/lib/services/employees/check-employee-form";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { importEmployees } from "@/lib/services/employees/import-employees";
import { createEmployee, setEmployeeActive, updateEmployeeDetails } from "@/lib/services/employees/save-employee";

const admins = ["admin"] as const;

export const createEmployeeAction = createAction(
  { schema: employeeFormSchema, roles: admins, name: "createEmployee" },
  async (form, { db, viewer }) => {
    const employee = await createEmployee(db, viewer, await checkEmployeeForm(db, viewer, form, null));
    revalidatePath("/", "layout");
    redirect(`/employees/${employee.id}`);
  },
);

export const updateEmployeeAction = createAction(
  { schema: employeeFormSchema.extend({ employeeId: employeeIdSchema }), roles: admins, name: "updateEmployee" },
  async ({ employeeId, ...form }, { db, viewer }) => {
    await updateEmployeeDetails(db, viewer, employeeId, await checkEmployeeForm(db, viewer, form, employeeId));
    revalidatePath("/", "layout");
    redirect(`/employees/${employeeId}`);
  },
);

export const setEmployeeActiveAction = createAction(
  {
    schema: z.object({ employeeId: employeeIdSchema, isActive: z.enum(["true", "false"]).transform((v) => v === "true") }),
    roles: admins,
    name: "setEmployeeActive",
  },
  async (input, { db, viewer }) => {
    const employee = await setEmployeeActive(db, viewer, input);
    revalidatePath("/", "layout");
    return { isActive: employee.isActive };
  },
);

export const importEmployeesAction = createAction(
  {
    schema: z.object({
      file: z
        .instanceof(File, { message: "Choose a CSV file." })
        .refine((file) => file.name !== "" || file.size > 0, { message: "Choose a CSV file.", abort: true })
        .refine((file) => file.size > 0, "This file is empty.")
        .refine((file) => file.size <= maxImportFileBytes, importFileTooLargeMessage),
    }),
    roles: admins,
    name: "importEmployees",
  },
  async ({ file }, { db, viewer }) => {
    const report = await importEmployees(db, viewer, await file.text());
    if (report.status === "imported") revalidatePath("/", "layout");
    return report;
  },
);
