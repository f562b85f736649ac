import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { ScoreExplanation } from "@/components/scoring/score-explanation";
import { formatDayKey } from "@/lib/dates";
import type { EmployeeDay } from "@/lib/services/views/get-employee-day";
import { getAdjacentDays } from "@/lib/services/views/day-param";
import { DateNav } from "./date-nav";
import { DayCalls } from "./day-calls";
import { buildDayCallItems } from "./day-calls-model";
import { packDayCalls } from "./day-calls-wire";
import { DayScoreCard } from "./day-score-card";
import { DayStatusNote, describeProgress } from "./day-status-note";
import { LiveRefresh } from "./live-refresh";
import { listHourTicks } from "./timeline-model";
import { TrendChart } from "./trend-chart";
import styles from "./day.module.css";

const UNSYNCED_TEXT = "No score: Daymark has no data for this day, since no sync has read it from Dialpad.";

/** The day sections of an employee's page: navigation, score, timeline, calls and the 30-day trend. */
export function EmployeeDayView({ day, isAdmin }: { day: EmployeeDay; isAdmin: boolean }) {
  const basePath = `/employees/${day.employee.id}`;
  const exportBase = `/api/exports/employees/${day.employee.id}`;
  const callBasePath = `${basePath}/calls`;
  const adjacent = getAdjacentDays(day.dayKey, day.today);
  const isToday = day.dayKey === day.today;
  const label = (key: string | null) => (key ? formatDayKey(key) : null);
  const isMapped = day.dialpadUserId !== null;
  // Unmapped people have no phone data: days without a stored row have no score, as on the team page.
  const trend = day.trend.map((point) => ({ dayKey: point.dayKey, score: isMapped || point.isStored ? point.score : null }));
  const { items, laneCount } = buildDayCallItems(day.calls, {
    bounds: day.bounds,
    timeZone: day.timeZone,
    now: day.now,
    callHref: (callId) => `${callBasePath}/${callId}`,
    links: day.callLinks,
  });
  const trendRange = { from: day.trend[0]?.dayKey ?? day.dayKey, to: day.dayKey };
  return (
    <>
      <LiveRefresh isEnabled={isToday} />
      {day.rejectedInput !== null ? (
        <div className="alert alert--error" role="alert">
          <p>“{day.rejectedInput}” is not a date Daymark can show, so this is today instead. Use the day picker below.</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="day-heading">
        <div className={styles.dayHeading}>
          <h2 id="day-heading">
            {formatDayKey(day.dayKey)}
            {isToday ? <span className="muted"> · today</span> : null}
          </h2>
          <DateNav
            dayKey={day.dayKey}
            today={day.today}
            {...adjacent}
            labels={{ day: formatDayKey(day.dayKey), previous: label(adjacent.previous), next: label(adjacent.next) }}
          />
        </div>
        <DayStatusNote
          status={day.status}
          hasCalls={day.calls.length > 0}
          isToday={isToday}
          isAdmin={isAdmin}
          employeeName={day.employee.name}
          timeZone={day.timeZone}
        />
        <DayScoreCard
          day={day.day}
          isMapped={isMapped}
          isUnsynced={day.isUnsynced}
          progress={isToday && isMapped ? describeProgress(day.lastSyncAt, day.timeZone, day.bounds.start) : null}
          explanation={
            <ScoreExplanation
              breakdown={day.day.breakdown}
              uncounted={day.uncounted}
              timeZone={day.timeZone}
              emptyText={day.isUnsynced ? UNSYNCED_TEXT : undefined}
            />
          }
        />
      </section>
      <DayCalls
        calls={packDayCalls(items)}
        callBasePath={callBasePath}
        laneCount={laneCount}
        ticks={listHourTicks(day.bounds, day.timeZone)}
        timeZone={day.timeZone}
        exportHref={`${exportBase}/calls?date=${day.dayKey}`}
      />
      <section className="card" aria-labelledby="trend-heading">
        <div className={styles.sectionHeading}>
          <h2 id="trend-heading">Score, last 30 days</h2>
          <ExportCsvLink href={`${exportBase}/scores?from=${trendRange.from}&to=${trendRange.to}`} label="Export scores CSV" />
        </div>
        <TrendChart points={trend} dayHref={(dayKey) => `${basePath}?date=${dayKey}`} />
      </section>
    </>
  );
}
