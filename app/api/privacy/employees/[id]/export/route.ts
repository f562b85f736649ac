import { getDb } from "@/db/client";
import { textResponse } from "@/lib/exports/csv-response";
import { parsePathId } from "@/lib/exports/export-route";
import { isAppError, statusForError } from "@/lib/errors";
import { exportEmployeeData } from "@/lib/services/privacy/export-employee-data";
import { getViewer } from "@/lib/session";

// GET /api/privacy/employees/{id}/export: a subject request's zip of everything stored about one employee (admins).
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return textResponse("Sign in to export data.", 401);
  // The id is read from the path itself: .../employees/{id}/export.
  const id = new URL(request.url).pathname.split("/").at(-2) ?? "";
  try {
    const { fileName, zip } = await exportEmployeeData(getDb(), viewer, parsePathId(id));
    return new Response(new Uint8Array(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error)) return textResponse(error.message, statusForError(error));
    console.error(`[privacy export] ${error instanceof Error ? error.message : "unexpected error"}`);
    return textResponse("The export failed. Try again in a moment.", 500);
  }
}
