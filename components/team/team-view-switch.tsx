import Link from "next/link";
import { addDays } from "@/lib/dates";
import styles from "./team.module.css";

/** "Day · Range": the range view covers the 7 days ending on the shown day. */
export function TeamViewSwitch({ dayKey }: { dayKey: string }) {
  return (
    <nav className={styles.viewSwitch} aria-label="Team view">
      <Link href={`/team?date=${dayKey}`} aria-current="page" prefetch={false}>
        Day
      </Link>
      <Link href={`/team/range?from=${addDays(dayKey, -6)}&to=${dayKey}`} prefetch={false}>
        Range
      </Link>
    </nav>
  );
}
