import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import { getUserByEmail, insertUser } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { parseFormInOnePass } from "@/lib/one-pass-form";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { hashPassword } from "./passwords";
import { emailSchema, isEmailInDomain, passwordSchema, personNameSchema, roleSchema } from "./user-schemas";

export const createUserSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});

export type CreateUserInput = z.output<typeof createUserSchema>;

/** Admins only. The admin sets the initial password and hands it over; the email must be in the org's domain. */
export async function createUser(db: Db, viewer: Viewer, input: CreateUserInput): Promise<User> {
  assertRole(viewer, ["admin"]);
  const problem = await findUserEmailProblem(db, viewer, input.email);
  if (problem) throw new AppError(problem.code, "Please correct the highlighted fields.", { email: [problem.message] });
  const passwordHash = await hashPassword(input.password);
  return withTransaction(db, async (tx) => {
    const user = await insertUser(tx, {
      organizationId: viewer.organizationId,
      name: input.name,
      email: input.email,
      role: input.role,
      passwordHash,
      createdAt: Date.now(),
    });
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "user.created",
      target: { type: "user", id: user.id },
      summary: `Added ${user.name} (${user.email}) as ${user.role}`,
      details: { email: user.email, role: user.role },
      at: user.createdAt,
    });
    return user;
  });
}

/** Admins only. The add-user form in one pass: the schema's problems and the email's (domain, taken) together. */
export async function checkCreateUserForm(db: Db, viewer: Viewer, form: Record<string, unknown>): Promise<CreateUserInput> {
  assertRole(viewer, ["admin"]);
  return parseFormInOnePass(createUserSchema, form, async (valid): Promise<Record<string, string[]>> => {
    const email = valid("email");
    const problem = email === undefined ? null : await findUserEmailProblem(db, viewer, email);
    return problem ? { email: [problem.message] } : {};
  });
}

async function findUserEmailProblem(db: Db, viewer: Viewer, email: string): Promise<{ code: "VALIDATION" | "CONFLICT"; message: string } | null> {
  const organization = await getOrganizationById(db, viewer.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  if (!isEmailInDomain(email, organization.domain)) return { code: "VALIDATION", message: `Use an address at ${organization.domain}.` };
  if (await getUserByEmail(db, email)) return { code: "CONFLICT", message: "A user with this email already exists." };
  return null;
}
