/** The cookie next-auth keeps the last callbackUrl in, over http and https. */
export const callbackUrlCookieNames = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

type CookieStore = { get(name: string): { value: string } | undefined; delete(name: string): unknown };

/**
 * Drops a callbackUrl (query or cookie) that is neither a path nor an http(s) URL. next-auth v4 checks
 * both before our redirect callback runs and answers such a value with a 500 on every /api/auth route;
 * without it, next-auth falls back to the site's origin and the redirect callback decides as usual.
 */
export function dropInvalidCallbackUrls(searchParams: URLSearchParams, cookies: CookieStore, baseUrl: string): void {
  if (searchParams.getAll("callbackUrl").some((value) => !isHttpUrlOrPath(value, baseUrl))) searchParams.delete("callbackUrl");
  for (const name of callbackUrlCookieNames) {
    const value = cookies.get(name)?.value;
    if (value && !isHttpUrlOrPath(value, baseUrl)) cookies.delete(name);
  }
}

// The same test next-auth's assertConfig applies (core/lib/assert.js).
function isHttpUrlOrPath(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}
