import { z } from "@/lib/zod";
import { idSchema } from "@/lib/id-schema";
import { timeZoneSchema } from "@/lib/services/organizations/timezones";
import { emailSchema, personNameSchema } from "@/lib/services/users/user-schemas";

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `Use at most ${max} characters.`).nullable().default(null));

/** The add/edit form; blank optional fields become null (a null timezone means the organization's). */
export const employeeInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  phone: optionalText(40),
  timezone: z.preprocess(blankToNull, timeZoneSchema.nullable().default(null)),
  title: optionalText(120),
  managerId: z.preprocess(blankToNull, idSchema("Choose a manager from the list.").nullable().default(null)),
});

export type EmployeeInput = z.output<typeof employeeInputSchema>;

export const employeeIdSchema = idSchema();
