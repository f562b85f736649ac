import Link from "next/link";
import { formatDayKey, formatDuration, formatLocalDateTime, getDayKeyForInstant } from "@/lib/dates";
import type { MyData } from "@/lib/services/privacy/get-my-data";

const kindLabels = { day: "Opened your day", call: "Opened one of your calls", export: "Exported your data" } as const;

const maskRule = {
  managers: "Managers and employees see external numbers masked (+1 ••• ••• 0142); admins see them whole.",
  everyone: "Everyone, admins too, sees external numbers masked (+1 ••• ••• 0142).",
  nobody: "External numbers are shown whole to everyone who may see your calls.",
} as const;

/** What Daymark stores about the signed-in employee, under which rules, and who opened it. */
export function MyDataView({ data }: { data: MyData }) {
  const { employee, settings, timeZone } = data;
  const dayHref = (dayKey: string) => `/employees/${employee.id}?date=${dayKey}`;
  return (
    <>
      <section className="card" aria-labelledby="stored-heading">
        <h2 id="stored-heading">What Daymark stores about you</h2>
        <ul>
          <li>
            Your employee record: name ({employee.name}), work email ({employee.email}), phone, job title, manager and time zone, as an
            administrator entered them.
          </li>
          <li>
            {data.dialpadUserId
              ? `Call metadata from Dialpad for your Dialpad user (${data.counts.calls} call legs): when each call started, rang, connected and ended, its direction and state, and the numbers involved. Never recordings, voicemails, transcripts or messages.`
              : "No calls: your account is not linked to a Dialpad user."}
          </li>
          <li>One daily score per day with calls ({data.counts.dailyScores} days), with how it was calculated.</li>
          <li>A log of who opened your day pages, calls and exports, kept 90 days.</li>
        </ul>
        <h3>The rules</h3>
        <ul>
          <li>Call legs are deleted after {settings.callRetentionMonths} months; the day keeps its score.</li>
          <li>Daily scores are deleted after {settings.scoreRetentionMonths} months.</li>
          <li>{maskRule[settings.maskNumbersFor]}</li>
          <li>
            {settings.linkRecordings
              ? "Calls link to their recording or voicemail in Dialpad (Daymark stores the link, never the audio)."
              : "Daymark keeps no links to recordings or voicemails."}
          </li>
          <li>Your manager sees your days; administrators see everyone&apos;s. You can ask an administrator for a copy of everything, or to erase it.</li>
          {employee.hiddenAt !== null ? <li>You are hidden: nobody but administrators and you sees your scores, and they count toward no average.</li> : null}
        </ul>
      </section>

      <section className="card" aria-labelledby="views-heading">
        <h2 id="views-heading">Who opened your data (last 90 days)</h2>
        {data.views.length === 0 ? (
          <p>Nobody else has opened your day pages, calls or exports in the last 90 days.</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="data-views">
              <thead>
                <tr>
                  <th scope="col">When ({timeZone})</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {data.views.map((view) => (
                  <tr key={view.id}>
                    <td>{formatLocalDateTime(view.createdAt, timeZone)}</td>
                    <td>{view.viewerName}</td>
                    <td>
                      {kindLabels[view.kind]}
                      {view.detail ? ` · ${view.detail}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Your recent scores</h2>
        {data.recentScores.length === 0 ? (
          <p>No scored days yet.</p>
        ) : (
          <ul>
            {data.recentScores.map((row) => (
              <li key={row.dayKey}>
                <Link href={dayHref(row.dayKey)}>{formatDayKey(row.dayKey)}</Link>: {row.score === null ? "no score" : `score ${row.score}`},{" "}
                {formatDuration(row.talkMs)} talk time, {row.connectedCalls} connected calls
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="calls-heading">
        <h2 id="calls-heading">Your latest calls</h2>
        {data.recentCalls.length === 0 ? (
          <p>No calls stored.</p>
        ) : (
          <ul>
            {data.recentCalls.map((call) => (
              <li key={call.id}>
                <Link href={dayHref(getDayKeyForInstant(call.startedAt, timeZone))}>{formatLocalDateTime(call.startedAt, timeZone)}</Link>:{" "}
                {call.direction} · {call.contactName ?? call.externalNumber ?? "unknown party"} · {call.durationMs === null ? "—" : formatDuration(call.durationMs)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
