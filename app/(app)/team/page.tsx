import type { Metadata } from "next";
import Link from "next/link";
import { DateNav } from "@/components/day/date-nav";
import { LiveRefresh } from "@/components/day/live-refresh";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { FirstRunChecklist } from "@/components/layout/first-run-checklist";
import { RecalculationBanner } from "@/components/scoring/recalculation-banner";
import { ScoreBandsLegend } from "@/components/team/score-bands-legend";
import { TeamCards } from "@/components/team/team-cards";
import { TeamPager } from "@/components/team/team-pager";
import { buildTeamRowItems } from "@/components/team/team-row-items";
import { TeamStatusNote } from "@/components/team/team-status-note";
import { TeamSummary } from "@/components/team/team-summary";
import { TeamTable } from "@/components/team/team-table";
import { TeamToolbar } from "@/components/team/team-toolbar";
import { TeamUnmappedFooter } from "@/components/team/team-unmapped-footer";
import { TeamViewSwitch } from "@/components/team/team-view-switch";
import teamStyles from "@/components/team/team.module.css";
import styles from "@/components/day/day.module.css";
import { getDb } from "@/db/client";
import { formatDayKey } from "@/lib/dates";
import { getAdjacentDays } from "@/lib/services/views/day-param";
import { getFirstRunChecklist } from "@/lib/services/onboarding/get-first-run-checklist";
import { listRecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { getTeamDay, type TeamDay } from "@/lib/services/views/get-team-day";
import { TEAM_PAGE_SIZE } from "@/lib/services/views/team-day-query";
import { redirectEmployeeHome } from "@/lib/redirect-employee-home";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Team" };

type TeamPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The landing page: everyone the viewer may see on one day (?date=YYYY-MM-DD, default today), one
// page of people at a time (?q, ?show, ?sort, ?dir, ?page), with averages over everyone.
export default async function TeamPage({ searchParams }: TeamPageProps) {
  const viewer = await requireViewer();
  redirectEmployeeHome(viewer);
  const query = await searchParams;
  const isAdmin = viewer.role === "admin";
  const [team, recalculation, checklist] = await Promise.all([
    getTeamDay(getDb(), viewer, { date: query.date, query }),
    listRecalculationProgress(getDb(), viewer),
    isAdmin ? getFirstRunChecklist(getDb(), viewer) : null,
  ]);
  const adjacent = getAdjacentDays(team.dayKey, team.today);
  const isToday = team.dayKey === team.today;
  // Before Dialpad is connected or anyone is mapped, the Team page has nothing to score yet: it shows the way there.
  const isSettingUp = checklist?.some((step) => step.key !== "review" && !step.isDone) ?? false;
  const label = (key: string | null) => (key ? formatDayKey(key) : null);
  const rowItems = buildTeamRowItems(team.rows, team.organizationTimeZone);
  return (
    <>
      <LiveRefresh isEnabled={isToday} />
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p>
            {isAdmin ? "Everyone in your organization" : viewer.role === "manager" ? "You and your direct reports" : "Your own day"}
            {" · "}
            {formatDayKey(team.dayKey)}
            {isToday ? " (today, in progress)" : ""}
          </p>
        </div>
        <DateNav
          dayKey={team.dayKey}
          today={team.today}
          {...adjacent}
          labels={{ day: formatDayKey(team.dayKey), previous: label(adjacent.previous), next: label(adjacent.next) }}
        />
      </div>
      <div className={teamStyles.topBar}>
        <TeamViewSwitch dayKey={team.dayKey} />
        {team.peopleCount > 0 ? <ExportCsvLink href={`/api/exports/team?from=${team.dayKey}&to=${team.dayKey}`} /> : null}
      </div>
      {checklist && isSettingUp ? <FirstRunChecklist steps={checklist} /> : null}
      <RecalculationBanner progress={recalculation} />
      {team.rejectedInput !== null ? (
        <div className={`alert alert--error ${styles.status}`} role="alert">
          <p>“{team.rejectedInput}” is not a date Daymark can show, so this is today instead.</p>
        </div>
      ) : null}
      {team.peopleCount === 0 ? (
        <EmptyTeam isAdmin={isAdmin} email={viewer.email} />
      ) : (
        <>
          <TeamStatusNote status={team.status} isToday={isToday} isAdmin={isAdmin} timeZone={team.organizationTimeZone} />
          <section aria-label="Team average">
            <TeamSummary average={team.average} peopleCount={team.peopleCount} />
          </section>
          <ScoreBandsLegend />
          <TeamToolbar dayKey={team.dayKey} query={team.query} summary={describeMatches(team)} />
          <TeamTable rows={rowItems} dayKey={team.dayKey} query={team.query} />
          <TeamCards items={rowItems.items} dayKey={team.dayKey} />
          <TeamPager dayKey={team.dayKey} query={team.query} pageCount={team.pageCount} />
          <TeamUnmappedFooter count={team.unmappedCount} isAdmin={isAdmin} dayKey={team.dayKey} query={team.query} />
        </>
      )}
    </>
  );
}

function describeMatches(team: TeamDay): string {
  const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);
  if (team.matchCount <= TEAM_PAGE_SIZE) return people(team.matchCount);
  const first = (team.query.page - 1) * TEAM_PAGE_SIZE + 1;
  return `${first}–${first + team.rows.length - 1} of ${people(team.matchCount)}`;
}

function EmptyTeam({ isAdmin, email }: { isAdmin: boolean; email: string }) {
  return (
    <div className="card">
      {isAdmin ? (
        <p>
          No employees yet. <Link href="/employees/new">Add an employee</Link> or{" "}
          <Link href="/employees/import">import a CSV file</Link>.
        </p>
      ) : (
        <p>
          No employee record uses your email ({email}), so there is nothing to show yet. Ask an administrator to add one.
        </p>
      )}
    </div>
  );
}
