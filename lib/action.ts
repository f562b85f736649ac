import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "@/lib/zod";
import { getDb, type Db } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { isAppError, type ErrorCode } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { requireViewer } from "@/lib/session";

export type FieldErrors = Record<string, string[]>;

/**
 * What every server action returns to its form. On failure `values` echoes the submitted text
 * fields (never passwords or files) so the form can keep what the user typed.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors: FieldErrors; values: Record<string, string> };

/** useActionState's state: null before the first submission. */
export type ActionState<T> = ActionResult<T> | null;

/** The type of an action made by createAction, for client forms that receive one as a prop. */
export type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

const messageByCode: Partial<Record<ErrorCode, string>> = {
  UNAUTHORIZED: "Your session has ended. Sign in again.",
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "That record no longer exists.",
  RATE_LIMITED: "Too many requests. Wait a moment and try again.",
};
const genericMessage = "Something went wrong. Please try again.";

type ActionContext = { viewer: Viewer; db: Db };
type Handler<S extends z.ZodType, T> = (input: z.output<S>, context: ActionContext) => Promise<T>;

/**
 * The one wrapper for server actions: session (with optional roles) → zod parse of the FormData →
 * service → ActionResult. AppErrors become messages; anything else is logged and shown generically.
 */
export function createAction<S extends z.ZodType, T>(
  options: { schema: S; roles?: readonly UserRole[]; name: string },
  handler: Handler<S, T>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> => {
    const viewer = await requireViewer({ roles: options.roles, wrongRole: "notFound" });
    return runAction(options, formData, (input) => handler(input, { viewer, db: getDb() }));
  };
}

/** The same wrapper for the few actions that run signed out (first-run set-up). */
export function createPublicAction<S extends z.ZodType, T>(
  options: { schema: S; name: string },
  handler: (input: z.output<S>, context: { db: Db }) => Promise<T>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> =>
    runAction(options, formData, (input) => handler(input, { db: getDb() }));
}

async function runAction<S extends z.ZodType, T>(
  options: { schema: S; name: string },
  formData: FormData,
  run: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  // Our forms always send FormData; anyone can POST other arguments to an action id.
  if (!(formData instanceof FormData)) {
    return { ok: false, error: "This form could not be read. Reload the page and try again.", fieldErrors: {}, values: {} };
  }
  const values = echoValues(formData);
  const parsed = options.schema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: FieldErrors };
    return { ok: false, error: "Please correct the highlighted fields.", fieldErrors, values };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) {
      const message = messageByCode[error.code] ?? error.message;
      return { ok: false, error: message, fieldErrors: error.fieldErrors ?? {}, values };
    }
    // Name and message only: inputs may hold passwords.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    console.error(`[action ${options.name}] ${detail}`);
    return { ok: false, error: genericMessage, fieldErrors: {}, values };
  }
}

/** Repeated keys (checkbox groups) become arrays; Next's internal $ACTION keys are dropped. */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const result: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    result[key] = all.length === 1 ? all[0]! : all;
  }
  return result;
}

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
