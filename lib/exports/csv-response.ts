// The HTTP side of every export: the CSV response, and errors as plain-text answers (never a 500 for bad input).
import { isAppError, statusForError } from "@/lib/errors";

export interface CsvExport {
  /** ASCII only: "daymark-team-2026-11-30.csv". */
  filename: string;
  body: ReadableStream<Uint8Array>;
}

export function toCsvResponse(csv: CsvExport): Response {
  return new Response(csv.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${csv.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function textResponse(message: string, status: number): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Runs the export service; its AppErrors become their status with the message (404 for anything out of scope). */
export async function respondWithCsv(build: () => Promise<CsvExport>): Promise<Response> {
  try {
    return toCsvResponse(await build());
  } catch (error) {
    if (isAppError(error)) return textResponse(error.message, statusForError(error));
    console.error(`[export] ${error instanceof Error ? error.message : "unexpected error"}`);
    return textResponse("The export failed. Try again in a moment.", 500);
  }
}

/** "Blake Costa" → "blake-costa", for file names (ASCII only; empty becomes the fallback). */
export function toFileSlug(text: string, fallback: string): string {
  const slug = text.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_-]+/g, "-").replace(/^-|-$/g, "");
  return slug || fallback;
}
