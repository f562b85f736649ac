"use client";

import { ExportCsvLink } from "@/components/exports/export-csv-link";
import type { DayCallItem } from "./day-calls-model";
import { DayCallsTable } from "./day-calls-table";
import type { TimelineTick } from "./timeline-model";
import { TimelineView } from "./timeline-view";
import styles from "./day.module.css";

type DayCallsProps = { items: DayCallItem[]; laneCount: number; ticks: TimelineTick[]; timeZone: string; exportHref: string | null };

/** The timeline and the calls table, both drawn from one copy of the day's calls. */
export function DayCalls({ items, laneCount, ticks, timeZone, exportHref }: DayCallsProps) {
  return (
    <>
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="muted">Local time in {timeZone}.</p>
        <TimelineView items={items} laneCount={laneCount} ticks={ticks} />
      </section>
      <section className="card" aria-labelledby="calls-heading">
        <div className={styles.sectionHeading}>
          <h2 id="calls-heading">
            Calls <span className="muted">({items.length})</span>
          </h2>
          {exportHref && items.length > 0 ? <ExportCsvLink href={exportHref} label="Export calls CSV" /> : null}
        </div>
        <DayCallsTable items={items} timeZone={timeZone} />
      </section>
    </>
  );
}
