import { getEnv } from "@/lib/env";

/**
 * Where to go after sign-in: a path on this site only. The value is resolved as a URL against APP_URL,
 * as a browser would resolve it (which strips tabs and newlines and reads "\" as "/"), and anything
 * that lands on another origin, or on a path a browser would read as another host ("//evil"), falls
 * back. Control characters are refused outright: a newline in a Location header is a 500.
 */
export function safeCallbackPath(value: unknown, fallback = "/team", appUrl = getEnv().APP_URL): string {
  if (typeof value !== "string" || !/^(\/|https?:\/\/)/i.test(value) || /[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  let url: URL;
  let origin: string;
  try {
    url = new URL(value, appUrl);
    origin = new URL(appUrl).origin;
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
