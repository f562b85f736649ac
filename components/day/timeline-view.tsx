"use client";

import Link from "next/link";
import { useState } from "react";
import type { CallDirection } from "@/lib/calls/types";
import styles from "./timeline.module.css";
import type { TimelineBar, TimelineTick } from "./timeline-model";

export type TimelineItem = TimelineBar & {
  href: string;
  direction: CallDirection;
  isFlagged: boolean;
  isInProgress: boolean;
  title: string;
  time: string;
  summary: string;
  reason: string;
};

type TimelineViewProps = { items: TimelineItem[]; laneCount: number; ticks: TimelineTick[] };

/** Bars are links (Tab walks them in time order); hovering or focusing one shows its details below. */
export function TimelineView({ items, laneCount, ticks }: TimelineViewProps) {
  const [activeId, setActiveId] = useState<number | null>(null);
  const active = items.find((item) => item.id === activeId) ?? null;
  return (
    <div>
      <div className={styles.scroller}>
        <div className={styles.track} style={{ height: `calc(${laneCount} * var(--lane) + 1.75rem)` }}>
          {ticks.map((tick) => (
            <div key={tick.left} className={tick.label ? styles.tickMajor : styles.tick} style={{ left: `${tick.left}%` }}>
              {tick.label ? <span className={styles.tickLabel}>{tick.label}</span> : null}
            </div>
          ))}
          <ol className={styles.bars} aria-label="Calls on the timeline">
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  href={item.href}
                  scroll={false}
                  className={[
                    styles.bar,
                    item.isFlagged ? styles.flagged : styles[item.direction],
                    item.isInProgress ? styles.inProgress : "",
                  ].join(" ")}
                  style={{
                    left: `${item.left}%`,
                    width: `${item.width}%`,
                    top: `calc(${item.lane} * var(--lane))`,
                    ["--connected-from" as string]: item.connectedFrom === null ? "100%" : `${item.connectedFrom}%`,
                  }}
                  aria-label={`${item.time}, ${item.title}. ${item.summary}${item.isFlagged ? ". Flagged" : ""}`}
                  data-call-id={item.id}
                  onMouseEnter={() => setActiveId(item.id)}
                  onFocus={() => setActiveId(item.id)}
                />
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className={styles.details}>
        {active ? (
          <p>
            <strong>{active.time}</strong> {active.title}
            {active.isFlagged ? <span className="badge"> Flagged</span> : null}
            <br />
            <span className="muted">
              {active.summary}. {active.reason}
            </span>
          </p>
        ) : (
          <p className="muted">{items.length === 0 ? "No calls on this day." : "Point at or tab to a call to see its details; select it to open."}</p>
        )}
      </div>
      <ul className={styles.legend} aria-label="Legend">
        <li><span className={`${styles.swatch} ${styles.outbound}`} /> Outbound</li>
        <li><span className={`${styles.swatch} ${styles.inbound}`} /> Inbound</li>
        <li><span className={`${styles.swatch} ${styles.flagged}`} /> Flagged (not counted)</li>
        <li><span className={`${styles.swatch} ${styles.ringing}`} /> Ringing</li>
      </ul>
    </div>
  );
}
