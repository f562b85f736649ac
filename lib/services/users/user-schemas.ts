import { z } from "@/lib/zod";
import { userRoles } from "@/db/schema";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Use at most 254 characters."));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const personNameSchema = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

export const roleSchema = z.enum(userRoles, "Choose a role.");

/** Exact match: "ann@sales.acme.com" is not in "acme.com". */
export function isEmailInDomain(email: string, domain: string): boolean {
  return email.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
}
