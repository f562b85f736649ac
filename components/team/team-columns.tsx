"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { formatDuration } from "@/lib/dates";
import type { TeamDayRow } from "@/lib/services/views/get-team-day";
import { describeSparkline, Sparkline } from "./sparkline";
import styles from "./team.module.css";

const noScoreLabels: Record<string, string> = {
  non_work_day: "Not a work day",
  no_weights: "No weighted signals",
  no_baseline: "No baseline",
};

function describeMissingScore(row: TeamDayRow): string {
  if (!row.isMapped) return "Not mapped";
  if (row.isPending) return "Updating";
  return (row.noScoreReason && noScoreLabels[row.noScoreReason]) || "—";
}


export function buildTeamColumns(dayKey: string): ColumnDef<TeamDayRow>[] {
  return [
    {
      id: "name",
      accessorFn: (row) => row.name,
      header: "Name",
      cell: ({ row }) => (
        <>
          <Link href={`/employees/${row.original.employeeId}?date=${dayKey}`} prefetch={false}>{row.original.name}</Link>
          {row.original.title ? <span className="muted"> · {row.original.title}</span> : null}
        </>
      ),
    },
    {
      id: "score",
      accessorFn: (row) => row.score ?? undefined,
      header: "Score",
      sortDescFirst: true,
      // People without a score stay below everyone scored, whichever way the column is sorted.
      sortUndefined: "last",
      cell: ({ row }) =>
        row.original.score === null ? (
          <span className={`muted ${styles.nowrap}`}>{describeMissingScore(row.original)}</span>
        ) : (
          <strong>{row.original.score}</strong>
        ),
    },
    {
      id: "talk",
      accessorFn: (row) => row.talkMs,
      header: "Counted talk",
      sortDescFirst: true,
      cell: ({ getValue }) => <span className={styles.nowrap}>{formatDuration(getValue<number>())}</span>,
    },
    { id: "calls", accessorFn: (row) => row.connectedCalls, header: "Connected calls", sortDescFirst: true },
    {
      id: "voicemails",
      accessorFn: (row) => row.voicemailsLeft + row.voicemailsReceived,
      header: "Voicemails",
      sortDescFirst: true,
      cell: ({ row }) => (
        <span className={styles.nowrap}>
          {row.original.voicemailsLeft} left · {row.original.voicemailsReceived} received
        </span>
      ),
    },
    { id: "missed", accessorFn: (row) => row.missedCalls, header: "Missed", sortDescFirst: true },
    {
      id: "trend",
      header: "Last 14 days",
      enableSorting: false,
      cell: ({ row }) => <Sparkline scores={row.original.sparkline} label={describeSparkline(row.original.sparkline)} />,
    },
  ];
}
