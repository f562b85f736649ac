export const errorCodes = [
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "DIALPAD_DISCONNECTED",
  "DIALPAD_ERROR",
  "RATE_LIMITED",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The one error type services throw; edges map `code` to a status, redirect or message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const statusByCode: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DIALPAD_DISCONNECTED: 409,
  DIALPAD_ERROR: 502,
  RATE_LIMITED: 429,
};

export function statusForError(error: AppError): number {
  return statusByCode[error.code];
}
