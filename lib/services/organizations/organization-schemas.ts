import { z } from "@/lib/zod";
import { countryCodeSchema } from "./countries";
import { timeZoneSchema } from "./timezones";

const hostnamePattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The registered email domain, e.g. "acme.com"; pasted "@acme.com" or "https://acme.com/" is tidied. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, "").replace(/^@/, "").replace(/\/+$/, ""))
  .pipe(z.string().regex(hostnamePattern, "Enter a domain such as example.com."));

export const organizationNameSchema = z
  .string()
  .trim()
  .min(1, "Enter the organization's name.")
  .max(120, "Use at most 120 characters.");

const isoWeekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** ISO weekdays 1 (Monday) … 7 (Sunday), stored as a sorted comma list such as "1,2,3,4,5". */
export const workWeekSchema = z.preprocess(
  // A form sends nothing for no boxes ticked and a bare string for one.
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(isoWeekdays, "Choose days of the week."))
    .min(1, "Choose at least one work day.")
    .transform((days) => [...new Set(days)].sort().join(",")),
);

export const organizationSettingsSchema = z.object({
  name: organizationNameSchema,
  timezone: timeZoneSchema,
  countryCode: countryCodeSchema,
  dayStartHour: z.coerce
    .number("Enter an hour from 0 to 23.")
    .int("Enter a whole hour from 0 to 23.")
    .min(0, "Enter an hour from 0 to 23.")
    .max(23, "Enter an hour from 0 to 23."),
  workWeek: workWeekSchema,
});

export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
