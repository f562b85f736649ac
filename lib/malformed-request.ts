import { NextResponse, type NextRequest } from "next/server";

// Next answers a server action over this with a 500 (its bodySizeLimit, 1 MB by default).
export const maxActionBodyBytes = 1024 * 1024;

/**
 * Answers requests Next itself would fail on with a 500, before any route runs: a path whose
 * percent-encoding is not UTF-8 (Next decodes params first: "/employees/%C0%AE" throws URIError)
 * is a 404, a server-action body over the limit, or of unknown length, a 413, and a page POST whose
 * body Next cannot decode (broken multipart, action arguments that are no JSON array) a 400.
 */
export async function rejectMalformedRequest(request: NextRequest): Promise<NextResponse | null> {
  if (!hasValidPercentEncoding(new URL(request.url).pathname)) {
    return new NextResponse("Page not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
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
  try {
    if (isMultipart) {
      await request.clone().formData();
      return true;
    }
    if (!request.headers.has("next-action")) return true;
    const args: unknown = JSON.parse(await request.clone().text());
    return Array.isArray(args) && !hasFlightReference(args);
  } catch {
    return false;
  }
}

// "$K1", "$Q2"…: references React resolves against multipart parts a text body does not have.
function hasFlightReference(value: unknown): boolean {
  if (typeof value === "string") return /^\$[^$]/.test(value);
  if (Array.isArray(value)) return value.some(hasFlightReference);
  if (value && typeof value === "object") return Object.values(value).some(hasFlightReference);
  return false;
}

function hasValidPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
