import * as oidc from "openid-client";
import {
  DialpadAuthorizationDeniedError,
  DialpadConfigError,
  DialpadError,
  DialpadInvalidGrantError,
  DialpadRequestError,
  DialpadResponseError,
  DialpadTransientError,
} from "./errors";

const tokenPath = "/oauth2/token";

/**
 * Maps openid-client failures to Dialpad errors. openid-client errors can carry the token response
 * body as `cause`, so only network failures keep their cause; the rest get a fresh, safe message.
 */
export function toDialpadOAuthError(error: unknown): DialpadError {
  if (error instanceof DialpadError) return error;
  if (error instanceof oidc.AuthorizationResponseError) return new DialpadAuthorizationDeniedError(error.error.slice(0, 64));
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === "invalid_grant") return new DialpadInvalidGrantError();
    return fromStatus(error.status, error.error.slice(0, 64));
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) return fromStatus(error.status, null);
  if (error instanceof oidc.ClientError) {
    if (error.cause instanceof Response) return fromStatus(error.cause.status, null);
    if (error.code === "OAUTH_HTTP_REQUEST_FORBIDDEN" || error.code === "OAUTH_REQUEST_PROTOCOL_FORBIDDEN") {
      return new DialpadConfigError("DIALPAD_BASE_URL must use https (plain http is allowed only for localhost/127.0.0.1).");
    }
    return new DialpadResponseError(tokenPath, [error.message]);
  }
  if (isNetworkOrTimeout(error)) {
    return new DialpadTransientError("Could not reach Dialpad's token endpoint.", null, null, { cause: error });
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new DialpadTransientError(`Dialpad token request failed unexpectedly (${name}).`, null);
}

function fromStatus(status: number, oauthError: string | null): DialpadError {
  if (status >= 500 || status === 429) {
    return new DialpadTransientError(`Dialpad's token endpoint answered HTTP ${status}.`, status);
  }
  return new DialpadRequestError(status, tokenPath, oauthError);
}

function isNetworkOrTimeout(error: unknown): boolean {
  // Node's fetch reports network failures as TypeError; argument errors carry an ERR_INVALID_* code.
  if (error instanceof TypeError) return !String((error as { code?: unknown }).code ?? "").startsWith("ERR_INVALID");
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}
