// Dialpad's Google-Cloud-Endpoints-style error body:
// {"error":{"code":404,"errors":[{"domain":"global","message":"…","reason":"notFound"}],"message":"…"}}
import { json, type Reply } from "../http-utils";

export function googleError(status: number, reason: string, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error: { code: status, errors: [{ domain: "global", message, reason }], message } }, headers);
}

export const badRequest = (message: string) => googleError(400, "badRequest", message);
export const requiredParam = (name: string) => googleError(400, "required", `Missing required parameter: ${name}.`);
export const invalidParam = (name: string, detail: string) => googleError(400, "invalid", `Invalid value for ${name}: ${detail}`);
export const unauthorized = (message = "Invalid or missing API key or access token.") =>
  googleError(401, "authError", message, { "www-authenticate": 'Bearer realm="dialpad"' });
export const forbidden = (message: string) => googleError(403, "forbidden", message);
export const notFound = (message: string) => googleError(404, "notFound", message);
export const rateLimited = (retryAfterSeconds: number, message = "Rate limit exceeded. Retry later.") =>
  googleError(429, "rateLimitExceeded", message, { "retry-after": String(retryAfterSeconds) });
export const backendError = (status = 500, message = "Internal server error.") => googleError(status, "backendError", message);
