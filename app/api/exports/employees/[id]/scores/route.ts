import { getDb } from "@/db/client";
import { handleExport, parsePathId, readParam } from "@/lib/exports/export-route";
import { exportEmployeeScores } from "@/lib/services/exports/export-scores";

// GET /api/exports/employees/{id}/scores?from=YYYY-MM-DD&to=YYYY-MM-DD: the employee's days as CSV.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleExport(request, (viewer, query) =>
    exportEmployeeScores(getDb(), viewer, parsePathId(id), { from: readParam(query, "from"), to: readParam(query, "to") }),
  );
}
