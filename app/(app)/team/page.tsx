import type { Metadata } from "next";
import Link from "next/link";
import { DateNav } from "@/components/day/date-nav";
import { LiveRefresh } from "@/components/day/live-refresh";
import { RecalculationBanner } from "@/components/scoring/recalculation-banner";
import { TeamSummary } from "@/components/team/team-summary";
import { TeamTable } from "@/components/team/team-table";
import { teamTableStateSchema } from "@/components/team/team-url-state";
import styles from "@/components/day/day.module.css";
import { getDb } from "@/db/client";
import { formatDayKey } from "@/lib/dates";
import { getAdjacentDays } from "@/lib/services/views/day-param";
import { listRecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { getTeamDay } from "@/lib/services/views/get-team-day";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Team" };

type TeamPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The landing page: everyone the viewer may see on one day (?date=YYYY-MM-DD, default today).
export default async function TeamPage({ searchParams }: TeamPageProps) {
  const viewer = await requireViewer();
  const query = await searchParams;
  const [team, recalculation] = await Promise.all([
    getTeamDay(getDb(), viewer, { date: query.date }),
    listRecalculationProgress(getDb(), viewer),
  ]);
  const tableState = teamTableStateSchema.parse(query);
  const adjacent = getAdjacentDays(team.dayKey, team.today);
  const isToday = team.dayKey === team.today;
  const label = (key: string | null) => (key ? formatDayKey(key) : null);
  return (
    <>
      <LiveRefresh isEnabled={isToday} />
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p>
            {viewer.role === "admin" ? "Everyone in your organization" : viewer.role === "manager" ? "You and your direct reports" : "Your own day"}
            {" · "}
            {formatDayKey(team.dayKey)}
            {isToday ? " (today)" : ""}
          </p>
        </div>
        <DateNav
          dayKey={team.dayKey}
          today={team.today}
          {...adjacent}
          labels={{ day: formatDayKey(team.dayKey), previous: label(adjacent.previous), next: label(adjacent.next) }}
        />
      </div>
      <RecalculationBanner progress={recalculation} />
      {team.rejectedInput !== null ? (
        <div className={`alert alert--error ${styles.status}`} role="alert">
          <p>“{team.rejectedInput}” is not a date Daymark can show, so this is today instead.</p>
        </div>
      ) : null}
      {team.rows.length === 0 ? (
        <div className="card">
          {viewer.role === "admin" ? (
            <p>
              No employees yet. <Link href="/employees/new">Add an employee</Link> or{" "}
              <Link href="/employees/import">import a CSV file</Link>.
            </p>
          ) : (
            <p>
              No employee record uses your email ({viewer.email}), so there is nothing to show yet. Ask an administrator
              to add one.
            </p>
          )}
        </div>
      ) : (
        <>
          <section aria-label="Team average">
            <TeamSummary average={team.average} peopleCount={team.rows.length} />
          </section>
          <TeamTable rows={team.rows} dayKey={team.dayKey} initialState={tableState} />
        </>
      )}
    </>
  );
}
