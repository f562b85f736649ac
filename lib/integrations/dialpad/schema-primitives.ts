import { z } from "@/lib/zod";

// Dialpad types ids and epoch times as int64. REST serialises them as JSON strings (protobuf-JSON),
// webhooks as JSON numbers. This file is the one place that reads both.

const safeInteger = z
  .number()
  .int()
  .nonnegative()
  .refine(Number.isSafeInteger, "number is larger than 2^53, so JSON already lost precision");

/** int64 id → string. Numbers above 2^53 are rejected: their digits are already wrong. */
export const dialpadIdSchema = z
  .union([z.string().regex(/^\d{1,20}$/, "expected a numeric id"), safeInteger], { error: "expected an int64 id (string or number)" })
  .transform((value) => String(value));

/** int64 epoch milliseconds → number. */
export const epochMsSchema = z
  .union([z.string().regex(/^\d{1,16}$/, "expected epoch milliseconds").transform(Number), z.number()], {
    error: "expected epoch milliseconds (string or number)",
  })
  .pipe(safeInteger);

const emptyToNull = (value: unknown) => (value === "" ? null : value);

export const optionalIdSchema = z.preprocess(emptyToNull, dialpadIdSchema.nullish()).transform((value) => value ?? null);

export const optionalEpochMsSchema = z.preprocess(emptyToNull, epochMsSchema.nullish()).transform((value) => value ?? null);

/** Ids that are not always numeric (contact ids such as `shared_contact_pool_Company:…`). */
export const looseIdSchema = z
  .union([z.string(), safeInteger])
  .nullish()
  .transform((value) => (value === undefined || value === null || value === "" ? null : String(value)));

/** double: usually a number, tolerated as a numeric string. */
export const optionalNumberSchema = z
  .preprocess(emptyToNull, z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).nullish())
  .transform((value) => value ?? null);

export const optionalStringSchema = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const flagSchema = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
  .nullish()
  .transform((value) => value ?? false);

export const stringListSchema = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

/** The list envelope: `items` may be omitted when empty; `cursor` is absent or "" on the last page. */
export const dialpadCollectionSchema = z.object({
  items: z
    .array(z.unknown())
    .nullish()
    .transform((value) => value ?? []),
  cursor: z
    .string()
    .nullish()
    .transform((value) => value || null),
});
export type DialpadCollection = z.infer<typeof dialpadCollectionSchema>;

export interface RejectedItem {
  /** The item exactly as Dialpad sent it, for quarantine. */
  raw: unknown;
  /** "path: message" lines. */
  issues: string[];
}

/** Validates each item on its own so one bad record never costs the rest of the page. */
export function parseItems<T extends z.ZodType>(schema: T, items: readonly unknown[]) {
  const parsed: z.output<T>[] = [];
  const rejected: RejectedItem[] = [];
  for (const raw of items) {
    const result = schema.safeParse(raw);
    if (result.success) parsed.push(result.data);
    else rejected.push({ raw, issues: formatIssues(result.error) });
  }
  return { parsed, rejected };
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}
