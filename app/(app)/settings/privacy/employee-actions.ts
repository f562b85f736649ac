"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { createAction } from "@/lib/action";
import { idSchema } from "@/lib/id-schema";
import { eraseEmployee, eraseEmployeeSchema } from "@/lib/services/privacy/erase-employee";
import { setEmployeeHidden } from "@/lib/services/privacy/set-employee-hidden";

const hideSchema = z.object({ employeeId: idSchema("Choose an employee."), isHidden: z.enum(["true", "false"]).transform((value) => value === "true") });

export const setEmployeeHiddenAction = createAction(
  { schema: hideSchema, roles: ["admin"], name: "setEmployeeHidden" },
  async (input, { db, viewer }) => {
    const result = await setEmployeeHidden(db, viewer, input);
    revalidatePath("/", "layout");
    return result;
  },
);

export const eraseEmployeeAction = createAction(
  { schema: eraseEmployeeSchema, roles: ["admin"], name: "eraseEmployee" },
  async (input, { db, viewer }) => {
    await eraseEmployee(db, viewer, input);
    revalidatePath("/", "layout");
    redirect("/employees?erased=1");
  },
);
