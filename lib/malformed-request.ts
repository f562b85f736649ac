import { NextResponse, type NextRequest } from "next/server";

// Next answers a server action over this with a 500 (its bodySizeLimit, 1 MB by default).
export const maxActionBodyBytes = 1024 * 1024;

/**
 * Answers requests Next itself would fail on with a 500, before any route runs: a path whose
 * percent-encoding is not UTF-8 (Next decodes params first: "/employees/%C0%AE" throws URIError)
 * is a 404, and a server-action body over the limit, or of unknown length, a 413.
 */
export function rejectMalformedRequest(request: NextRequest): NextResponse | null {
  if (!hasValidPercentEncoding(new URL(request.url).pathname)) {
    return new NextResponse("Page not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = request.headers.get("content-length");
    if (length === null ? request.body !== null : !(Number(length) <= maxActionBodyBytes)) {
      return new NextResponse("The request is larger than 1 MB.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
  }
  return null;
}

function hasValidPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
