"use client";

import { directionLabels } from "@/components/calls/call-format";
import type { DayCallItem } from "./day-calls-model";
import styles from "./day.module.css";
import { useCallLinkClicks } from "./use-call-link-clicks";

/** The day's legs in start order; the time opens the call (a modal, or a page on a fresh load). */
export function DayCallsTable({ items, timeZone }: { items: DayCallItem[]; timeZone: string }) {
  const onLinkClick = useCallLinkClicks();
  return (
    <div className="table-wrap">
      <table className={styles.callsTable}>
        <caption className="visually-hidden">Calls on this day, times in {timeZone}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Direction</th>
            <th scope="col">Other party</th>
            <th scope="col">Talk time</th>
            <th scope="col">Counted</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody onClick={onLinkClick}>
          {items.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                No calls on this day.
              </td>
            </tr>
          ) : (
            items.map((item) => (
              <tr key={item.id} className={item.isFlagged ? styles.flaggedRow : undefined}>
                <td>
                  <a href={item.href}>
                    {item.start}
                    <span className="visually-hidden">, open call details</span>
                  </a>
                </td>
                <td>{directionLabels[item.direction]}</td>
                <td>{item.party}</td>
                <td>{item.talk ?? "In progress"}</td>
                <td>
                  {item.counted}
                  {item.afterOverlap ? <small className="muted">{item.afterOverlap} after overlap</small> : null}
                </td>
                <td className={styles.kindCell}>
                  {item.kind}
                  {item.isFlagged ? <span className={`badge ${styles.flagBadge}`}> Flagged</span> : null}
                </td>
                <td className={styles.wrap}>{item.reason}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
