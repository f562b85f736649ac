import { AppError, type ErrorCode } from "@/lib/errors";

// Every message here is safe to log and to show an admin: no tokens, secrets or request bodies.
// `dialpadMessage` is Dialpad's own explanation (truncated, with the access token redacted).

export class DialpadError extends AppError {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message);
    this.name = new.target.name;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** DIALPAD_CLIENT_ID/SECRET missing, or a plain-http base URL that is not loopback. */
export class DialpadConfigError extends DialpadError {
  constructor(message: string) {
    super("DIALPAD_ERROR", message);
  }
}

/** The admin chose Deny, or Dialpad redirected back with `?error=…`. Nothing should be stored. */
export class DialpadAuthorizationDeniedError extends DialpadError {
  constructor(readonly oauthError: string) {
    super("DIALPAD_ERROR", `Dialpad did not grant access (${oauthError}).`);
  }
}

/** The callback does not belong to the authorization request we started (state mismatch, no code). */
export class DialpadCallbackError extends DialpadError {
  constructor(reason: string) {
    super("VALIDATION", `The Dialpad sign-in response was not valid: ${reason}. Start again.`);
  }
}

/** The refresh token (or code) is dead: the connection needs a reconnect; never retry it in a loop. */
export class DialpadInvalidGrantError extends DialpadError {
  constructor() {
    super("DIALPAD_DISCONNECTED", "Dialpad rejected the stored authorization; reconnect Dialpad.");
  }
}

/** A 401 that persisted after one token refresh. */
export class DialpadUnauthorizedError extends DialpadError {
  constructor(readonly path: string) {
    super("DIALPAD_DISCONNECTED", `Dialpad no longer accepts this connection's token (${path}); reconnect Dialpad.`);
  }
}

/** Network failure, timeout, 5xx or 429 after the retry budget: try again later. */
export class DialpadTransientError extends DialpadError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(status === 429 ? "RATE_LIMITED" : "DIALPAD_ERROR", message, options);
  }
}

/** 403: authenticated but not allowed (not a company admin, scope missing, wrong sandbox app). */
export class DialpadForbiddenError extends DialpadError {
  constructor(
    readonly path: string,
    readonly dialpadMessage: string | null,
  ) {
    super(
      "DIALPAD_ERROR",
      `Dialpad refused ${path}: the connecting account must be a Dialpad company admin and the app needs the calls:list scope.`,
    );
  }
}

export class DialpadNotFoundError extends DialpadError {
  constructor(readonly path: string) {
    super("NOT_FOUND", `Dialpad has no resource at ${path}.`);
  }
}

/** Any other 4xx (400, 409, 413…) or a token-endpoint error such as invalid_client. */
export class DialpadRequestError extends DialpadError {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly dialpadMessage: string | null,
  ) {
    super("DIALPAD_ERROR", `Dialpad rejected ${path} with HTTP ${status}${dialpadMessage ? `: ${dialpadMessage}` : ""}.`);
  }
}

/**
 * GET /call refused a cursor it handed out (400, or 410): it expired or Dialpad forgot it. Nothing is wrong
 * with the connection; list that window again without the cursor. A DialpadRequestError, so code that
 * handles any 400 keeps working.
 */
export class DialpadCursorExpiredError extends DialpadRequestError {
  constructor(status: number, path: string, dialpadMessage: string | null) {
    super(status, path, dialpadMessage);
    this.message = `Dialpad no longer accepts the ${path} cursor (HTTP ${status}); list the window again without it.`;
  }
}

/** A 2xx whose body is not the shape Dialpad documents (the whole response, not one record). */
export class DialpadResponseError extends DialpadError {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super("DIALPAD_ERROR", `Dialpad returned an unexpected response for ${path}: ${issues.slice(0, 3).join("; ")}`);
  }
}

/** Webhook body whose signature does not verify with any configured secret (reply 401). */
export class DialpadWebhookSignatureError extends DialpadError {
  constructor() {
    super("UNAUTHORIZED", "Webhook signature is not valid.");
  }
}

/** Webhook body that is not a JWT, is too large, or carries no call event (reply 400 / 413). */
export class DialpadWebhookMalformedError extends DialpadError {
  constructor(
    reason: string,
    readonly status: 400 | 413 = 400,
  ) {
    super("VALIDATION", `Webhook body is malformed: ${reason}.`);
  }
}
