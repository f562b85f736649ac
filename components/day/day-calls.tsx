"use client";

import { useMemo } from "react";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { DayCallsTable } from "./day-calls-table";
import type { TimelineTick } from "./timeline-model";
import { TimelineView } from "./timeline-view";
import { unpackDayCalls, type PackedDayCalls } from "./day-calls-wire";
import styles from "./day.module.css";

type DayCallsProps = {
  calls: PackedDayCalls;
  /** Each call opens at `${callBasePath}/${id}`. */
  callBasePath: string;
  laneCount: number;
  ticks: TimelineTick[];
  timeZone: string;
  exportHref: string | null;
};

/** The timeline and the calls table, both drawn from one copy of the day's calls. */
export function DayCalls({ calls, callBasePath, laneCount, ticks, timeZone, exportHref }: DayCallsProps) {
  const items = useMemo(() => unpackDayCalls(calls, callBasePath), [calls, callBasePath]);
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
