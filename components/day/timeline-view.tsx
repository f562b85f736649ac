"use client";

import { useState, type CSSProperties, type SyntheticEvent } from "react";
import { directionLabels } from "@/components/calls/call-format";
import type { DayCallItem } from "./day-calls-model";
import styles from "./timeline.module.css";
import { fitWindowToBars, projectToWindow, type TimelineTick } from "./timeline-model";
import { useCallLinkClicks } from "./use-call-link-clicks";

type TimelineViewProps = { items: DayCallItem[]; laneCount: number; ticks: TimelineTick[] };

export function describeItem(item: DayCallItem): { time: string; title: string; summary: string } {
  return {
    time: `${item.start}–${item.end ?? "now"}`,
    title: `${directionLabels[item.direction]} call with ${item.party}`,
    summary: `Talk ${item.talk ?? "in progress"} · counted ${item.added} · ${item.status}${item.isFlagged ? " · flagged" : ""}`,
  };
}

const barClass = (item: DayCallItem) => `${item.isFlagged ? styles.flagged : styles[item.direction]}${item.end === null ? ` ${styles.inProgress}` : ""}`;

/** Bars are links (Tab walks them in time order); hovering or focusing one shows its details below. */
export function TimelineView({ items, laneCount, ticks }: TimelineViewProps) {
  const [activeId, setActiveId] = useState<number | null>(null);
  const [isFitted, setIsFitted] = useState(false);
  const onLinkClick = useCallLinkClicks();
  // One handler for all bars: the bar under the pointer or focus is the link's item, found by its place in the list.
  const showBarAt = (event: SyntheticEvent<HTMLOListElement>) => {
    const bar = (event.target as Element).closest("li");
    const index = bar ? Array.prototype.indexOf.call(event.currentTarget.children, bar) : -1;
    if (index >= 0 && items[index]) setActiveId(items[index].id);
  };
  const active = items.find((item) => item.id === activeId) ?? null;
  const activeText = active ? describeItem(active) : null;
  const view = isFitted ? fitWindowToBars(items.map((item) => item.bar), ticks) : { from: 0, to: 100 };
  const x = (left: number) => projectToWindow(left, view);
  const scale = 100 / (view.to - view.from);
  const width = (item: DayCallItem) => Math.round(item.bar.width * scale * 1000) / 1000;
  // Label every hour once the view spans at most half a day.
  const isEveryHourLabelled = view.to - view.from <= 50;
  return (
    <div>
      {items.length > 0 ? (
        <div className={styles.toolbar}>
          <button type="button" className="button button--secondary button--small" aria-pressed={isFitted} onClick={() => setIsFitted(!isFitted)}>
            {isFitted ? "Show the whole day" : "Zoom to the calls"}
          </button>
        </div>
      ) : null}
      {/* With no call links inside, the sideways-scrolling hours need their own tab stop (axe: scrollable-region-focusable). */}
      <div className={styles.scroller} {...(items.length === 0 ? { tabIndex: 0, role: "group", "aria-label": "Hours of the day" } : {})}>
        <div className={styles.track} style={{ height: `calc(${laneCount} * var(--lane) + 1.75rem)` }}>
          {ticks
            .filter((tick) => tick.left >= view.from && tick.left <= view.to)
            .map((tick) => {
              const isLabelled = tick.isMajor || isEveryHourLabelled;
              return (
                <div key={tick.left} className={isLabelled ? styles.tickMajor : styles.tick} style={{ left: `${x(tick.left)}%` }}>
                  {isLabelled ? <span className={styles.tickLabel}>{tick.label}</span> : null}
                </div>
              );
            })}
          <ol className={styles.bars} aria-label="Calls on the timeline" onClick={onLinkClick} onMouseOver={showBarAt} onFocus={showBarAt}>
            {items.map((item) => {
              const text = describeItem(item);
              // The item is the drawn bar, placed by custom properties; its link is the hit area inside it.
              const place = { "--x": `${x(item.bar.left)}%`, "--w": `${width(item)}%`, "--y": item.bar.lane, ...(item.bar.connectedFrom === null ? {} : { "--c": `${item.bar.connectedFrom}%` }) };
              return (
                <li key={item.id} className={barClass(item)} style={place as CSSProperties}>
                  <a href={item.href} aria-label={`${text.time}, ${text.title}. ${text.summary}`} />
                </li>
              );
            })}
          </ol>
        </div>
      </div>
      <div className={styles.details}>
        {active && activeText ? (
          <p>
            <strong>{activeText.time}</strong> {activeText.title}
            <br />
            <span className="muted">
              {activeText.summary}. {active.reason}
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
