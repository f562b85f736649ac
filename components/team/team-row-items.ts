// The team day's rows as the client draws them (the table under the wide layout, the cards on phones):
// plain values, preformatted, one array shared by both, so the page's data crosses to the browser once.
import { formatDayKey, formatDuration } from "@/lib/dates";
import type { TeamDayRow } from "@/lib/services/views/get-team-day";

export interface TeamRowItem {
  id: number;
  name: string;
  title: string | null;
  email: string;
  /** The person's own zone, only when it is not the organization's. */
  otherTimeZone: string | null;
  score: number | null;
  isMapped: boolean;
  isPending: boolean;
  isFuture: boolean;
  noScoreReason: string | null;
  delta: number | null;
  /** "4h 05m" */
  talk: string;
  connectedCalls: number;
  /** "2 left · 1 received" */
  voicemails: string;
  missedCalls: number;
  /** The sparkline's scores, oldest first, on the days of `TeamRowItems.sparklineDays`. */
  sparkline: (number | null)[];
}

export interface TeamRowItems {
  items: TeamRowItem[];
  /** The sparkline days' labels ("Tue 10 Mar 2026"), the same for every row. */
  sparklineDays: string[];
}

export function buildTeamRowItems(rows: readonly TeamDayRow[], organizationTimeZone: string): TeamRowItems {
  const items = rows.map(
    (row): TeamRowItem => ({
      id: row.employeeId,
      name: row.name,
      title: row.title,
      email: row.email,
      otherTimeZone: row.timeZone === organizationTimeZone ? null : row.timeZone,
      score: row.score,
      isMapped: row.isMapped,
      isPending: row.isPending,
      isFuture: row.isFuture,
      noScoreReason: row.noScoreReason,
      delta: row.delta,
      talk: formatDuration(row.talkMs),
      connectedCalls: row.connectedCalls,
      voicemails: `${row.voicemailsLeft} left · ${row.voicemailsReceived} received`,
      missedCalls: row.missedCalls,
      sparkline: row.sparkline.map((point) => point.score),
    }),
  );
  return { items, sparklineDays: (rows[0]?.sparkline ?? []).map((point) => formatDayKey(point.dayKey)) };
}
