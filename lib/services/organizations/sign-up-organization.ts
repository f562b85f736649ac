import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { getOrganizationByDomain, insertOrganization } from "@/db/queries/organizations";
import { insertUser } from "@/db/queries/users";
import type { Organization, User } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseFormInOnePass } from "@/lib/one-pass-form";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { hashPassword } from "@/lib/services/users/passwords";
import { setupSchema, type SetupInput } from "./setup-organization";

/** The same fields and rules as the first-run set-up: organization, domain, zone, country, first admin. */
export const signUpSchema = setupSchema;
export type SignUpInput = SetupInput;

// Says only what the visitor already typed: whether some organization holds the domain, never which one.
export const domainTakenMessage = "An organization already uses this email domain; ask its admin to invite you.";

/** DAYMARK_SIGNUP=open: anyone may register another organization at /signup. */
export function isSignUpOpen(): boolean {
  return getEnv().DAYMARK_SIGNUP === "open";
}

/** /signup: registers the organization while DAYMARK_SIGNUP=open, and is a 404 otherwise. */
export async function signUpOrganization(db: Db, input: SignUpInput, now = Date.now()): Promise<{ organization: Organization; admin: User }> {
  if (!isSignUpOpen()) throw new AppError("NOT_FOUND", "Sign-up is closed.");
  return registerOrganization(db, input, now);
}

/** The /signup form in one pass: the fields' problems and a taken domain together (a 404 while sign-up is closed). */
export async function checkSignUpForm(db: Db, form: Record<string, unknown>): Promise<SignUpInput> {
  if (!isSignUpOpen()) throw new AppError("NOT_FOUND", "Sign-up is closed.");
  return parseFormInOnePass(signUpSchema, form, async (valid): Promise<Record<string, string[]>> => {
    const domain = valid("domain");
    return domain !== undefined && (await getOrganizationByDomain(db, domain)) ? { domain: [domainTakenMessage] } : {};
  });
}

/**
 * Registers a new organization for a domain no organization holds yet, with its first admin, and
 * records it in the new organization's audit log, all in one transaction. The unique domain (and
 * email) decide a race between two registrations for one domain: the loser gets the domain message.
 * Sign-up and the demo seed use it; neither cares how many other organizations exist.
 */
export async function registerOrganization(db: Db, input: SignUpInput, now = Date.now()): Promise<{ organization: Organization; admin: User }> {
  if (await getOrganizationByDomain(db, input.domain)) throw domainTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTransaction(db, async (tx) => {
      const organization = await insertOrganization(tx, {
        name: input.organizationName,
        domain: input.domain,
        timezone: input.timezone,
        countryCode: input.countryCode,
        createdAt: now,
      });
      const admin = await insertUser(tx, {
        organizationId: organization.id,
        name: input.adminName,
        email: input.adminEmail,
        passwordHash,
        role: "admin",
        createdAt: now,
      });
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor: { userId: admin.id, name: admin.name },
        action: "organization.created",
        target: { type: "organization", id: organization.id },
        summary: `Registered ${organization.name} (${organization.domain})`,
        details: { domain: organization.domain, adminEmail: admin.email },
        at: now,
      });
      return { organization, admin };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw domainTaken();
    throw error;
  }
}

function domainTaken(): AppError {
  return new AppError("CONFLICT", domainTakenMessage, { domain: [domainTakenMessage] });
}
