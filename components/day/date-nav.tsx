"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, type ChangeEvent, type MouseEvent } from "react";
import styles from "./date-nav.module.css";

type DateNavProps = {
  dayKey: string;
  today: string;
  previous: string | null;
  next: string | null;
  /** "Mon 9 Mar 2026" and friends, formatted on the server. */
  labels: { day: string; previous: string | null; next: string | null };
};

// Matches the stylesheet's phone breakpoint, where the date input is the stepper's label and has no Go button.
const COMPACT_QUERY = "(max-width: 40rem)";

/** "Mon 9 Mar", with the year only when it is not this year's. */
function shortLabel(dayLabel: string, dayKey: string, today: string): string {
  return dayKey.slice(0, 4) === today.slice(0, 4) ? dayLabel.split(" ").slice(0, 3).join(" ") : dayLabel;
}

/**
 * Previous/next day, a date picker and "Today"; other URL state (sort, filter) is kept. Under 640 px the
 * same controls are one compact stepper: ‹, the day as the picker's face, ›.
 */
export function DateNav({ dayKey, today, previous, next, labels }: DateNavProps) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const inputId = useId();
  const hrefFor = (date: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("date", date);
    return `${pathname}?${params.toString()}`;
  };
  // A day chosen in the picker (opened by a tap or click) is the choice; typed digits change the value one
  // segment at a time, so typing waits for Enter, as on a desktop.
  const isPicking = useRef(false);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { value } = event.currentTarget;
    if (!isPicking.current || !value || value === dayKey || !window.matchMedia(COMPACT_QUERY).matches) return;
    isPicking.current = false;
    router.push(hrefFor(value));
  };
  // The compact face covers the input's text, so a click anywhere on it opens the picker.
  const onClick = (event: MouseEvent<HTMLInputElement>) => {
    if (!window.matchMedia(COMPACT_QUERY).matches) return;
    try {
      event.currentTarget.showPicker();
    } catch {
      // Already open, or the browser refuses outside a user gesture: the input still works by keyboard.
    }
  };
  return (
    <nav className={styles.dateNav} aria-label="Choose a day">
      {previous ? (
        <Link className={`button button--secondary button--small ${styles.stepLink}`} href={hrefFor(previous)} aria-label={`Previous day, ${labels.previous}`}>
          <span aria-hidden="true">←</span>
          <span className={styles.stepWord}>Previous</span>
        </Link>
      ) : null}
      <form
        className={styles.dateForm}
        action={pathname}
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get("date");
          if (typeof value === "string" && value) router.push(hrefFor(value));
        }}
      >
        <label htmlFor={inputId}>Day</label>
        <span className={styles.datePicker}>
          <span className={styles.dateFace} aria-hidden="true" data-testid="date-face">
            {shortLabel(labels.day, dayKey, today)} <span className={styles.dateCaret}>▾</span>
          </span>
          <input
            id={inputId}
            type="date"
            name="date"
            defaultValue={dayKey}
            key={dayKey}
            max={today}
            required
            onChange={onChange}
            onClick={onClick}
            onPointerDown={() => (isPicking.current = true)}
            onKeyDown={() => (isPicking.current = false)}
          />
        </span>
        <button type="submit" className={`button button--secondary button--small ${styles.dateGo}`}>
          Go
        </button>
      </form>
      {next ? (
        <Link className={`button button--secondary button--small ${styles.stepLink}`} href={hrefFor(next)} aria-label={`Next day, ${labels.next}`}>
          <span className={styles.stepWord}>Next</span>
          <span aria-hidden="true">→</span>
        </Link>
      ) : null}
      {dayKey !== today ? (
        <Link className="button button--small" href={hrefFor(today)}>
          Today
        </Link>
      ) : null}
    </nav>
  );
}
