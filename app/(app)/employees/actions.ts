"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { importFileTooLargeMessage, maxImportFileBytes } from "@/lib/import-file-limit";
import { employeeIdSchema, employeeInputSchema } from "@/lib/services/employees/employee-schemas";
import { importEmployees } from "@/lib/services/employees/import-employees";
import { createEmployee, setEmployeeActive, updateEmployeeDetails } from "@/lib/services/employees/save-employee";

const admins = ["admin"] as const;

export const createEmployeeAction = createAction(
  { schema: employeeInputSchema, roles: admins, name: "createEmployee" },
  async (input, { db, viewer }) => {
    const employee = await createEmployee(db, viewer, input);
    revalidatePath("/", "layout");
    redirect(`/employees/${employee.id}`);
  },
);

export const updateEmployeeAction = createAction(
  { schema: employeeInputSchema.extend({ employeeId: employeeIdSchema }), roles: admins, name: "updateEmployee" },
  async ({ employeeId, ...input }, { db, viewer }) => {
    await updateEmployeeDetails(db, viewer, employeeId, input);
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
