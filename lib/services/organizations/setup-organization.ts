import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { countOrganizations, insertFirstOrganization } from "@/db/queries/organizations";
import type { Organization, User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/services/users/passwords";
import { emailSchema, isEmailInDomain, passwordSchema, personNameSchema } from "@/lib/services/users/user-schemas";
import { countryCodeSchema } from "./countries";
import { domainSchema, organizationNameSchema } from "./organization-schemas";
import { timeZoneSchema } from "./timezones";

export const setupSchema = z
  .object({
    organizationName: organizationNameSchema,
    domain: domainSchema,
    timezone: timeZoneSchema,
    countryCode: countryCodeSchema,
    adminName: personNameSchema,
    adminEmail: emailSchema,
    password: passwordSchema,
  })
  .refine((input) => isEmailInDomain(input.adminEmail, input.domain), {
    path: ["adminEmail"],
    message: "The admin's email must be in the organization's domain.",
    // Checked whenever the email and domain themselves are valid, so a bad password is reported in the same pass.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === "adminEmail" || issue.path?.[0] === "domain"),
  });

export type SetupInput = z.output<typeof setupSchema>;

/** True once the first-run set-up has happened; /setup is a 404 from then on. */
export async function isSetupComplete(db: Db): Promise<boolean> {
  return (await countOrganizations(db)) > 0;
}

/** First run only: registers the organization and its first admin; refuses when any organization exists. */
export async function setupOrganization(db: Db, input: SetupInput): Promise<{ organization: Organization; admin: User }> {
  if (await isSetupComplete(db)) throw new AppError("CONFLICT", "This Daymark is already set up.");
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  const result = await insertFirstOrganization(
    db,
    {
      name: input.organizationName,
      domain: input.domain,
      timezone: input.timezone,
      countryCode: input.countryCode,
      createdAt: now,
    },
    { name: input.adminName, email: input.adminEmail, passwordHash, role: "admin", createdAt: now },
  );
  if (!result) throw new AppError("CONFLICT", "This Daymark is already set up.");
  return result;
}
