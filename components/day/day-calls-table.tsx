"use client";

import { directionLabels } from "@/components/calls/call-format";
import { CallFilterChips } from "./call-filter-chips";
import type { DayCallItem } from "./day-calls-model";
import { countByFilter, filterLabels, selectCalls, type CallSort } from "./day-calls-view";
import styles from "./day.module.css";
import { useCallLinkClicks } from "./use-call-link-clicks";
import { useCallTableState } from "./use-call-table-state";
import { useIsInBrowser } from "./use-is-in-browser";

// The server renders the first rows (more than a screenful); the browser adds the rest from the same
// props once it runs, so a 300-call day is not rendered to HTML twice on every request.
export const SERVER_CALL_ROWS = 50;

const columns: { label: string; sort: CallSort | null }[] = [
  { label: "Time", sort: "time" },
  { label: "Direction", sort: null },
  { label: "Other party", sort: "party" },
  { label: "Talk time", sort: "talk" },
  { label: "Counted", sort: "counted" },
  { label: "Status", sort: "status" },
  { label: "Why", sort: null },
];

/**
 * The day's legs as a review tool: filter chips, sortable columns, the reason only for exceptions.
 * The time opens the call (a modal, or a page on a fresh load). Under 640 px each row is a card.
 * The columns' order is the stylesheet's too (day.module.css labels the cards' cells by position).
 */
export function DayCallsTable({ items, timeZone }: { items: DayCallItem[]; timeZone: string }) {
  const onLinkClick = useCallLinkClicks();
  const [state, setState] = useCallTableState();
  const shown = selectCalls(items, state);
  const rowCount = useIsInBrowser() ? shown.length : SERVER_CALL_ROWS;
  // The active column flips; a new one starts with the longest durations or A to Z first.
  const sortBy = (sort: CallSort) =>
    setState({ sort, dir: state.sort === sort ? (state.dir === "asc" ? "desc" : "asc") : sort === "talk" || sort === "counted" ? "desc" : "asc" });
  return (
    <>
      {items.length > 0 ? <CallFilterChips counts={countByFilter(items)} active={state.filter} onChange={(filter) => setState({ filter })} /> : null}
      <div className={styles.callsWrap}>
        <table className={styles.callsTable}>
          <caption className="visually-hidden">
            Calls on this day, times in {timeZone}
            {state.filter === "all" ? "" : `, showing ${filterLabels[state.filter]}`}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={column.sort && column.sort === state.sort ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sort ? (
                    <button type="button" className={styles.sortButton} onClick={() => sortBy(column.sort!)}>
                      {column.label}
                      <span aria-hidden="true">{column.sort === state.sort ? (state.dir === "asc" ? " ↑" : " ↓") : ""}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onClick={onLinkClick}>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {items.length === 0 ? "No calls on this day." : `No ${filterLabels[state.filter].toLowerCase()} calls on this day.`}
                </td>
              </tr>
            ) : (
              shown.slice(0, rowCount).map((item) => <DayCallRow key={item.id} item={item} />)
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

const isPhoneNumber = (text: string) => /^\+?[\d\s•().-]+$/.test(text);

/** Cells in the columns' order: under 640 px the stylesheet labels each by its position. */
function DayCallRow({ item }: { item: DayCallItem }) {
  return (
    <tr className={item.isFlagged ? styles.flaggedRow : undefined}>
      <td>
        <a href={item.href}>
          {item.start}
          <span className="visually-hidden">, open call details</span>
        </a>
        {item.isPreviousDay ? <small className={styles.dayMarker}>prev. day</small> : null}
      </td>
      <td>{directionLabels[item.direction]}</td>
      {/* A phone number never breaks mid-string; a long name may wrap. */}
      <td>{isPhoneNumber(item.party) ? <span className={styles.nowrap}>{item.party}</span> : item.party}</td>
      <td>{item.talk ?? "In progress"}</td>
      <td>
        {item.added}
        {item.overlapped ? <small className="muted">{item.overlapped} overlapped</small> : null}
      </td>
      <td>
        {item.status}
        {item.isFlagged ? <span className={`badge ${styles.flagBadge}`}> Flagged</span> : null}
      </td>
      <td>{item.why}</td>
    </tr>
  );
}
