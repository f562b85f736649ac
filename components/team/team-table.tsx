import type { TeamDayQuery, TeamSort } from "@/lib/services/views/team-day-query";
import { parseTeamDayQuery } from "@/lib/services/views/team-day-query";
import { SortHeaderButton } from "./sort-header-button";
import { buildTeamHref } from "./team-href";
import type { TeamRowItems } from "./team-row-items";
import { TeamTableRows } from "./team-table-rows";
import styles from "./team.module.css";

type TeamTableProps = { rows: TeamRowItems; dayKey: string; query: TeamDayQuery };

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
export function TeamTable({ rows, dayKey, query }: TeamTableProps) {
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
        <TeamTableRows {...rows} dayKey={dayKey} columnCount={columns.length} />
      </table>
    </div>
  );
}
