"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId } from "react";
import styles from "./day.module.css";

type DateNavProps = {
  dayKey: string;
  today: string;
  previous: string | null;
  next: string | null;
  /** "Mon 9 Mar 2026" and friends, formatted on the server. */
  labels: { day: string; previous: string | null; next: string | null };
};

/** Previous/next day, a date picker and "Today"; other URL state (sort, filter) is kept. */
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
  return (
    <nav className={styles.dateNav} aria-label="Choose a day">
      {previous ? (
        <Link className="button button--secondary button--small" href={hrefFor(previous)} aria-label={`Previous day, ${labels.previous}`}>
          ← Previous
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
        <input
          id={inputId}
          type="date"
          name="date"
          defaultValue={dayKey}
          key={dayKey}
          max={today}
          required
        />
        <button type="submit" className="button button--secondary button--small">
          Go
        </button>
      </form>
      {next ? (
        <Link className="button button--secondary button--small" href={hrefFor(next)} aria-label={`Next day, ${labels.next}`}>
          Next →
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
