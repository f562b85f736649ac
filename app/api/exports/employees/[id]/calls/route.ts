import { getDb } from "@/db/client";
import { handleExport, parsePathId, readParam } from "@/lib/exports/export-route";
import { exportEmployeeCalls } from "@/lib/services/exports/export-calls";

// GET /api/exports/employees/{id}/calls?date=YYYY-MM-DD: the employee's legs on that day as CSV.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleExport(request, (viewer, query) => exportEmployeeCalls(getDb(), viewer, parsePathId(id), { date: readParam(query, "date") }));
}
