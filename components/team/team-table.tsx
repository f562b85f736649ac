import Link from "next/link";
import { formatDuration } from "@/lib/dates";
import type { TeamDayRow } from "@/lib/services/views/get-team-day";
import type { TeamDayQuery, TeamSort } from "@/lib/services/views/team-day-query";
import { parseTeamDayQuery } from "@/lib/services/views/team-day-query";
import { ScoreChip, ScoreDelta } from "./score-chip";
import { SortHeaderButton } from "./sort-header-button";
import { buildTeamHref } from "./team-href";
import { TeamSparklineCell } from "./team-sparkline-cell";
import styles from "./team.module.css";

type TeamTableProps = { rows: TeamDayRow[]; dayKey: string; query: TeamDayQuery; organizationTimeZone: string };

const columns: { id: TeamSort | "delta" | "trend"; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "score", label: "Score" },
  { id: "delta", label: "vs own 7-day avg" },
  { id: "talk", label: "Counted talk" },
  { id: "calls", label: "Connected calls" },
  { id: "voicemails", label: "Voicemails" },
  { id: "missed", label: "Missed" },
  { id: "trend", label: "Last 14 days" },
];

const isSortable = (id: string): id is TeamSort => id !== "delta" && id !== "trend";

/** One page of the team day (640 px and wider); a header asks the server to sort everyone. */
export function TeamTable({ rows, dayKey, query, organizationTimeZone }: TeamTableProps) {
  return (
    <div className={`table-wrap ${styles.wide}`}>
      <table>
        <caption className="visually-hidden">Team day</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              if (!isSortable(column.id)) return <th key={column.id} scope="col">{column.label}</th>;
              const isSorted = query.sort === column.id;
              const firstDir = parseTeamDayQuery({ sort: column.id }).dir;
              const nextDir = isSorted ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
              return (
                <th key={column.id} scope="col" aria-sort={isSorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <SortHeaderButton href={buildTeamHref(dayKey, query, { sort: column.id, dir: nextDir, page: 1 })}>
                    {column.label}
                    <span aria-hidden="true">{isSorted ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                  </SortHeaderButton>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">Nobody matches.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.employeeId}>
                <td>
                  <Link href={`/employees/${row.employeeId}?date=${dayKey}`} prefetch={false}>{row.name}</Link>
                  <span className={`muted ${styles.sub}`}>
                    {row.title ? `${row.title} · ` : ""}
                    <span className={styles.email}>{row.email}</span>
                    {row.timeZone !== organizationTimeZone ? ` · ${row.timeZone}` : ""}
                  </span>
                </td>
                <td><ScoreChip row={row} /></td>
                <td><ScoreDelta delta={row.delta} /></td>
                <td className={styles.nowrap}>{formatDuration(row.talkMs)}</td>
                <td>{row.connectedCalls}</td>
                <td className={styles.nowrap}>{row.voicemailsLeft} left · {row.voicemailsReceived} received</td>
                <td>{row.missedCalls}</td>
                <td><TeamSparklineCell points={row.sparkline} /></td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
