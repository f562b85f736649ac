import { z } from "@/lib/zod";

// Canonical only: "8" yes; "08", "+8", "8.0", "8e0", "0x8", " 8" no. z.coerce.number() took them all,
// so one record had many URLs.
const canonicalId = /^[1-9][0-9]{0,15}$/;

/** A database id from a route param, search param or form field: a positive decimal integer, as text. */
export function idSchema(message = "Invalid id.") {
  return z
    .string(message)
    .regex(canonicalId, message)
    .transform(Number)
    .refine((id) => Number.isSafeInteger(id), message);
}
