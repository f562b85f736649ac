"use client";

import { callFilters, type CallFilter } from "./day-calls-model";
import { filterLabels } from "./day-calls-view";
import styles from "./day.module.css";

type CallFilterChipsProps = { counts: Record<CallFilter, number>; active: CallFilter; onChange: (filter: CallFilter) => void };

/** All · Counted · Missed · Voicemail · Flagged · Overlap, each with its count; the pressed one is the filter. */
export function CallFilterChips({ counts, active, onChange }: CallFilterChipsProps) {
  return (
    <div className={styles.chips} role="group" aria-label="Show calls">
      {callFilters.map((filter) => (
        <button
          key={filter}
          type="button"
          className={styles.chip}
          aria-pressed={filter === active}
          onClick={() => onChange(filter)}
        >
          {filterLabels[filter]} <span className={styles.chipCount}>{counts[filter]}</span>
        </button>
      ))}
    </div>
  );
}
