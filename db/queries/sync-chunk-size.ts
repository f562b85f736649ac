// How many rows the sync writes in one SQLite transaction (better-sqlite3 holds the event loop for all of
// it). Sized by the time the previous ones took, so a slow machine or a heavy database writes fewer rows.

export interface ChunkSizeRule {
  /** The step's time to aim for. */
  targetMs: number;
  minRows: number;
  maxRows: number;
  /** Rows of the first step, before anything was measured. */
  firstRows: number;
}

/** A transaction of a few milliseconds. */
export const sqliteChunkRule: ChunkSizeRule = { targetMs: 4, minRows: 10, maxRows: 200, firstRows: 25 };

/**
 * Rows for the next step after `rows` rows took `ms`: as many as fit the target at the rate just
 * measured, at most twice as many as before (one fast step is not a trend), within the limits.
 */
export function nextChunkRows(rule: ChunkSizeRule, rows: number, ms: number): number {
  const fitting = ms > 0 ? Math.floor((rule.targetMs * rows) / ms) : rule.maxRows;
  return Math.max(rule.minRows, Math.min(rule.maxRows, 2 * rows, fitting));
}

export interface ChunkSizer {
  rows(): number;
  record(rows: number, ms: number): void;
}

/** Keeps the size between commits of one run. */
export function createChunkSizer(rule: ChunkSizeRule): ChunkSizer {
  let next = rule.firstRows;
  return {
    rows: () => next,
    record: (rows, ms) => {
      // A short final step says little about the rate (its fixed costs dominate).
      if (rows >= next / 2) next = nextChunkRows(rule, rows, ms);
    },
  };
}
