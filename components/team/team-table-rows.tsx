"use client";

import Link from "next/link";
import { ScoreChip, ScoreDelta } from "./score-chip";
import { Sparkline } from "./sparkline";
import type { TeamRowItems } from "./team-row-items";
import styles from "./team.module.css";

type TeamTableRowsProps = TeamRowItems & { dayKey: string; columnCount: number };

/** The table's body, drawn from the rows' values (a client component, so the page sends values, not a rendered tree). */
export function TeamTableRows({ items, sparklineDays, dayKey, columnCount }: TeamTableRowsProps) {
  return (
    <tbody>
      {items.length === 0 ? (
        <tr>
          <td colSpan={columnCount} className="muted">Nobody matches.</td>
        </tr>
      ) : (
        items.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/employees/${row.id}?date=${dayKey}`} prefetch={false}>{row.name}</Link>
              <span className={`muted ${styles.sub}`}>
                {row.title ? `${row.title} · ` : ""}
                <span className={styles.email}>{row.email}</span>
                {row.otherTimeZone ? ` · ${row.otherTimeZone}` : ""}
              </span>
            </td>
            <td><ScoreChip row={row} /></td>
            <td><ScoreDelta delta={row.delta} /></td>
            <td className={styles.nowrap}>{row.talk}</td>
            <td>{row.connectedCalls}</td>
            <td className={styles.nowrap}>{row.voicemails}</td>
            <td>{row.missedCalls}</td>
            <td><Sparkline scores={row.sparkline} dayLabels={sparklineDays} /></td>
          </tr>
        ))
      )}
    </tbody>
  );
}
