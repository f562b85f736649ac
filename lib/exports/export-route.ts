// What every export route does before its service: a signed-in viewer (401 otherwise) and an id from the path.
import { getViewer, type Viewer } from "@/lib/session";
import { respondWithCsv, textResponse, type CsvExport } from "./csv-response";

type Build = (viewer: Viewer, params: URLSearchParams) => Promise<CsvExport>;

export async function handleExport(request: Request, build: Build): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return textResponse("Sign in to export data.", 401);
  return respondWithCsv(() => build(viewer, new URL(request.url).searchParams));
}

/** A path id as the services take it: anything but a plain positive integer is NaN (a 404, never a 500). */
export function parsePathId(raw: string): number {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** ?name=… with repeats kept, as the views' zod parsers expect. */
export function readParam(params: URLSearchParams, name: string): string | string[] | undefined {
  const values = params.getAll(name);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}
