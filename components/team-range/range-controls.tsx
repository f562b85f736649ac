import Link from "next/link";
import type { DayRange } from "@/lib/services/views/range-param";
import { shiftRange } from "@/lib/services/views/range-param";
import styles from "./team-range.module.css";

const rangeHref = (range: DayRange) => `/team/range?from=${range.from}&to=${range.to}`;

/** From/to as a plain GET form (works without JavaScript), and the same length earlier or later. */
export function RangeControls({ range, today }: { range: DayRange; today: string }) {
  const previous = shiftRange(range, -1);
  const next = shiftRange(range, 1);
  return (
    <div className={styles.controls}>
      <Link className={`button button--secondary button--small ${styles.stepLink}`} href={rangeHref(previous)} aria-label="Previous range">
        <span aria-hidden="true">←</span>
        <span className={styles.stepWord}>Previous</span>
      </Link>
      <form className={styles.rangeForm} action="/team/range" method="get">
        <label>
          From <input type="date" name="from" defaultValue={range.from} key={range.from} required />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={range.to} key={range.to} required />
        </label>
        <button className="button button--small" type="submit">Show</button>
      </form>
      {next.from <= today ? (
        <Link className={`button button--secondary button--small ${styles.stepLink}`} href={rangeHref(next)} aria-label="Next range">
          <span className={styles.stepWord}>Next</span>
          <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </div>
  );
}
