"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { acceptAllSuggestions } from "@/lib/services/mapping/accept-all-suggestions";
import { createEmployeeFromDialpadUser } from "@/lib/services/mapping/create-employee-from-dialpad-user";
import { refreshDialpadUsersForAdmin } from "@/lib/services/mapping/refresh-for-admin";
import { setEmployeeMapping, type MappingChoice } from "@/lib/services/mapping/set-employee-mapping";

const admins = ["admin"] as const;
const mappingPath = "/settings/products/phone-system/mapping";

export type MappingActionData = { message: string; employeeId?: number };

const dialpadUserIdSchema = z.string().trim().min(1).max(64);

/** "auto", "none" or "user:<Dialpad user id>", as the table's buttons and chooser send it. */
const choiceSchema = z
  .string("Choose a Dialpad user.")
  .transform((value, ctx): MappingChoice => {
    if (value === "auto" || value === "none") return { kind: value };
    const id = value.startsWith("user:") ? dialpadUserIdSchema.safeParse(value.slice(5)) : null;
    if (id?.success) return { kind: "user", dialpadUserId: id.data };
    ctx.addIssue({ code: "custom", message: "Choose a Dialpad user." });
    return z.NEVER;
  });

export const setEmployeeMappingAction = createAction(
  { schema: z.object({ employeeId: employeeIdSchema, choice: choiceSchema }), roles: admins, name: "setEmployeeMapping" },
  async ({ employeeId, choice }, { db, viewer }): Promise<MappingActionData> => {
    const result = await setEmployeeMapping(db, viewer, { employeeId, choice });
    revalidatePath(mappingPath);
    return { message: result.summary, employeeId };
  },
);

export const acceptAllSuggestionsAction = createAction(
  { schema: z.object({}), roles: admins, name: "acceptAllSuggestions" },
  async (_input, { db, viewer }): Promise<MappingActionData> => {
    const { acceptedCount } = await acceptAllSuggestions(db, viewer);
    revalidatePath(mappingPath);
    return {
      message: acceptedCount === 0 ? "There were no suggestions left to accept." : `Accepted ${plural(acceptedCount, "suggestion")}.`,
    };
  },
);

export const createEmployeeFromDialpadUserAction = createAction(
  { schema: z.object({ dialpadUserId: dialpadUserIdSchema }), roles: admins, name: "createEmployeeFromDialpadUser" },
  async ({ dialpadUserId }, { db, viewer }): Promise<MappingActionData> => {
    const employee = await createEmployeeFromDialpadUser(db, viewer, dialpadUserId);
    revalidatePath("/", "layout");
    return { message: `Added ${employee.name} as an employee, mapped to this Dialpad user.`, employeeId: employee.id };
  },
);

export const refreshDialpadUsersAction = createAction(
  { schema: z.object({}), roles: admins, name: "refreshDialpadUsers" },
  async (_input, { db, viewer }): Promise<MappingActionData> => {
    const result = await refreshDialpadUsersForAdmin(db, viewer);
    revalidatePath(mappingPath);
    const skipped = result.rejectedCount > 0 ? ` ${plural(result.rejectedCount, "record")} could not be read and ${result.rejectedCount === 1 ? "was" : "were"} skipped.` : "";
    const changed = result.changedEmployeeIds.length;
    return {
      message: `Fetched ${plural(result.userCount, "Dialpad user")}; ${describeChanged(changed)}.${skipped}`,
    };
  },
);

function describeChanged(count: number): string {
  if (count === 0) return "no mapping changed";
  return count === 1 ? "1 employee's mapping changed" : `${count} employees' mappings changed`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
