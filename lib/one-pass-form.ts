import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";

type FieldErrors = Record<string, string[]>;
type Shape = z.ZodRawShape;

/** A form's fields as they arrive, for an action whose service parses them with parseFormInOnePass. */
export function rawFormSchema<S extends Shape>(schema: z.ZodObject<S>) {
  return z.object(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, z.unknown()])) as Record<keyof S, z.ZodUnknown>);
}

/**
 * Parses a form with `schema` and, when it fails, still runs the checks that need the database (`findMore`) on
 * the fields that are valid on their own, so the user sees every problem at once. Schema errors win per field.
 */
export async function parseFormInOnePass<S extends Shape>(
  schema: z.ZodObject<S>,
  form: Record<string, unknown>,
  findMore: (validField: <K extends keyof S & string>(key: K) => z.output<S[K]> | undefined) => Promise<FieldErrors>,
): Promise<z.output<z.ZodObject<S>>> {
  const parsed = schema.safeParse(form);
  if (parsed.success) return parsed.data;
  const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: FieldErrors };
  const validField = <K extends keyof S & string>(key: K) => {
    if (fieldErrors[key]) return undefined;
    const field = (schema.shape[key] as z.ZodType).safeParse(form[key]);
    return field.success ? (field.data as z.output<S[K]>) : undefined;
  };
  const more = await findMore(validField);
  throw new AppError("VALIDATION", "Please correct the highlighted fields.", { ...more, ...fieldErrors });
}
