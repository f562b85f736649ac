"use client";

import { useSyncExternalStore, type KeyboardEvent } from "react";
import { getScoreBand } from "@/components/team/score-bands";
import { personDayGapLabels } from "@/lib/services/views/person-day";
import { decodeGap, type HeatMapDay, type HeatMapModel, type HeatMapRow } from "./heat-map-model";
import styles from "./team-range.module.css";

// The server renders the first rows (a screenful and more); the browser adds the rest once it runs,
// so a 200-person month is not rendered to HTML on every request.
const SERVER_ROWS = 30;

const arrowMoves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

/**
 * People × days: each cell links to that person's day; arrow keys move between cells. Plain <a>, not
 * next/link: thousands of links would each prefetch a day page as they scroll into view.
 */
export function HeatMap({ model, captionId }: { model: HeatMapModel; captionId: string }) {
  const isInBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const rowCount = isInBrowser ? model.rows.length : SERVER_ROWS;
  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId}>
      <table className={styles.heatMap} onKeyDown={moveFocusWithArrows}>
        <thead>
          <tr>
            <th scope="col" className={styles.person}>Person</th>
            {model.days.map((day) => (
              <th key={day.key} scope="col" data-off={day.isWorkDay ? undefined : ""}>
                {day.label}
                {day.isWorkDay ? null : <small>Off</small>}
                {day.isToday ? <small>Today</small> : null}
              </th>
            ))}
          </tr>
          <tr className={styles.averages}>
            <th scope="row" className={styles.person}>Team average</th>
            {model.days.map((day) => (
              <td key={day.key} data-band={day.average === null ? undefined : getScoreBand(day.average).id} data-off={day.isWorkDay ? undefined : ""}>
                {day.average ?? "—"}
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.slice(0, rowCount).map((row) => (
            <HeatMapRowCells key={row.id} row={row} days={model.days} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeatMapRowCells({ row, days }: { row: HeatMapRow; days: HeatMapDay[] }) {
  return (
    <tr>
      <th scope="row" className={styles.person}>{row.name}</th>
      {row.cells.map((cell, index) => {
        const day = days[index]!;
        const gap = decodeGap(cell);
        const label = `${row.name}, ${day.label}: ${gap === null ? cell : `no score, ${personDayGapLabels[gap]}`}`;
        return (
          <td key={day.key} data-band={gap === null ? getScoreBand(cell).id : undefined} data-off={day.isWorkDay ? undefined : ""}>
            <a href={`/employees/${row.id}?date=${day.key}`} aria-label={label}>{gap === null ? cell : "—"}</a>
          </td>
        );
      })}
    </tr>
  );
}

const subscribeToNothing = () => () => {};

function moveFocusWithArrows(event: KeyboardEvent<HTMLTableElement>) {
  const move = arrowMoves[event.key];
  const cell = (event.target as HTMLElement).closest("td");
  const row = cell?.parentElement;
  if (!move || !cell || !row || !(event.target instanceof HTMLAnchorElement)) return;
  const rows = Array.from(row.parentElement!.children);
  const target = rows[rows.indexOf(row) + move[0]]?.children[Array.from(row.children).indexOf(cell) + move[1]];
  const link = target?.querySelector("a");
  if (!link) return;
  event.preventDefault();
  link.focus();
}
