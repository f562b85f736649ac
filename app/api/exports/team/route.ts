import { getDb } from "@/db/client";
import { handleExport, readParam } from "@/lib/exports/export-route";
import { exportTeamScores } from "@/lib/services/exports/export-scores";

// GET /api/exports/team?from=YYYY-MM-DD&to=YYYY-MM-DD: the viewer's people, one CSV row per person-day.
export async function GET(request: Request) {
  return handleExport(request, (viewer, params) =>
    exportTeamScores(getDb(), viewer, { from: readParam(params, "from"), to: readParam(params, "to") }),
  );
}
