import type { Metadata } from "next";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { HeatMap } from "@/components/team-range/heat-map";
import { buildHeatMapModel, formatRangeDay } from "@/components/team-range/heat-map-model";
import { RangeControls } from "@/components/team-range/range-controls";
import { RangeLegend } from "@/components/team-range/range-legend";
import styles from "@/components/team-range/team-range.module.css";
import { TeamViewSwitch } from "@/components/team/team-view-switch";
import { getDb } from "@/db/client";
import { formatDayKey } from "@/lib/dates";
import { getTeamRange } from "@/lib/services/views/get-team-range";
import { redirectEmployeeHome } from "@/lib/redirect-employee-home";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Team · Range" };

type TeamRangePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// People × days for a week or a month (?from=YYYY-MM-DD&to=YYYY-MM-DD, at most 31 days; default the last 7).
export default async function TeamRangePage({ searchParams }: TeamRangePageProps) {
  const viewer = await requireViewer();
  redirectEmployeeHome(viewer);
  const query = await searchParams;
  const team = await getTeamRange(getDb(), viewer, { from: query.from, to: query.to });
  const { range } = team;
  const captionId = "team-range-caption";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p id={captionId}>
            Scores from {formatRangeDay(range.from)} to {formatDayKey(range.to)}, each person on their own local day
          </p>
        </div>
        <RangeControls range={range} today={team.today} />
      </div>
      <div className={styles.topBar}>
        <TeamViewSwitch dayKey={range.to} range={range} />
        <ExportCsvLink href={`/api/exports/team?from=${range.from}&to=${range.to}`} />
      </div>
      {team.rejection !== null ? (
        <div className="alert alert--error" role="alert">
          <p>{team.rejection} Showing the last 7 days instead.</p>
        </div>
      ) : null}
      {team.rows.length === 0 ? (
        <div className="card">
          <p>Nobody to show: no employee is visible to you yet.</p>
        </div>
      ) : (
        <>
          <RangeLegend />
          <p className={`muted ${styles.scrollCue}`}>Scroll the table sideways for more days.</p>
          <HeatMap model={buildHeatMapModel(team)} captionId={captionId} />
        </>
      )}
    </>
  );
}
