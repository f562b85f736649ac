import { NextResponse, type NextRequest } from "next/server";

// Next answers a server action over this with a 500 (its bodySizeLimit, 1 MB by default).
export const maxActionBodyBytes = 1024 * 1024;
// Next's action ids: 42 hex digits. Next throws (and logs an error) on any other Next-Action header.
const actionIdPattern = /^[0-9a-f]{42}$/;

/**
 * Answers requests Next itself would fail on with a 500, before any route runs: a path whose
 * percent-encoding is not UTF-8 (Next decodes params first: "/employees/%C0%AE" throws URIError)
 * is a 404, so is a Next-Action header that is no action id, a server-action body over the limit, or of
 * unknown length, a 413, and a page POST whose
 * body Next cannot decode (broken multipart, action arguments that are no JSON array) a 400.
 */
export async function rejectMalformedRequest(request: NextRequest): Promise<NextResponse | null> {
  if (!hasValidPercentEncoding(new URL(request.url).pathname)) {
    return new NextResponse("Page not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (!actionIdPattern.test(request.headers.get("next-action") ?? "")) {
      return new NextResponse("No such server action.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    const length = request.headers.get("content-length");
    if (length === null ? request.body !== null : !(Number(length) <= maxActionBodyBytes)) {
      return new NextResponse("The request is larger than 1 MB.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
  }
  if (request.method === "POST" && !new URL(request.url).pathname.startsWith("/api/") && !(await isDecodablePageBody(request))) {
    return new NextResponse("The form could not be read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return null;
}

// Next buffers the body for the proxy, so reading a clone here leaves it for the page.
async function isDecodablePageBody(request: NextRequest): Promise<boolean> {
  const isMultipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const isAction = request.headers.has("next-action");
  try {
    if (isMultipart) {
      const form = await request.clone().formData();
      // An action's multipart body carries its arguments as JSON in part "0"; React waits forever for a
      // missing part (a 500 "Connection closed") and throws on one that is no JSON.
      const root = form.get("0");
      return !isAction || (typeof root === "string" && isDecodableArguments(JSON.parse(root), multipartValues));
    }
    if (!isAction) return true;
    return isDecodableArguments(JSON.parse(await request.clone().text()), plainValues);
  } catch {
    return false;
  }
}

// "$K1", "$Q2"…: references React resolves against multipart parts; "$$x" is an escaped "$x". Our forms send
// (previous state, FormData): the FormData's own fields ("$K1" → "1_name"…) and values such as "$undefined".
const plainValues = /^(?:[^$]|\$\$)/;
const multipartValues = /^(?:[^$]|\$\$|\$K[0-9a-f]+$|\$undefined$|\$NaN$|\$-?Infinity$|\$-0$|\$D)/;

function isDecodableArguments(args: unknown, allowed: RegExp): boolean {
  return Array.isArray(args) && hasOnlyValues(args, allowed);
}

function hasOnlyValues(value: unknown, allowed: RegExp): boolean {
  if (typeof value === "string") return value === "" || allowed.test(value);
  if (Array.isArray(value)) return value.every((item) => hasOnlyValues(item, allowed));
  if (value && typeof value === "object") return Object.values(value).every((item) => hasOnlyValues(item, allowed));
  return true;
}

function hasValidPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
