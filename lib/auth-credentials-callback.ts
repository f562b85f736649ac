/**
 * next-auth v4 answers anything but a POST to the credentials callback with a 500 ("Callback for
 * provider type credentials not supported"): the sign-in form only ever posts there.
 */
export function isCredentialsCallbackWithoutPost(method: string, segments: string[]): boolean {
  return method !== "POST" && segments[0] === "callback" && segments[1] === "credentials";
}
