import Link from "next/link";
import { addDays } from "@/lib/dates";
import styles from "./team.module.css";

/** "Day · Range": the range view covers the 7 days ending on the shown day (or, from the range view, its own days). */
export function TeamViewSwitch({ dayKey, range }: { dayKey: string; range?: { from: string; to: string } }) {
  return (
    <nav className={styles.viewSwitch} aria-label="Team view">
      <Link href={`/team?date=${dayKey}`} aria-current={range ? undefined : "page"} prefetch={false}>
        Day
      </Link>
      <Link
        href={`/team/range?from=${range?.from ?? addDays(dayKey, -6)}&to=${range?.to ?? dayKey}`}
        aria-current={range ? "page" : undefined}
        prefetch={false}
      >
        Range
      </Link>
    </nav>
  );
}
