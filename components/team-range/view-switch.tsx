import Link from "next/link";
import styles from "./team-range.module.css";

/** "Day · Range": the Team page's two views of the same people. */
export function TeamViewSwitch({ current, dayHref, rangeHref }: { current: "day" | "range"; dayHref: string; rangeHref: string }) {
  return (
    <nav className={styles.viewSwitch} aria-label="Team view">
      <Link href={dayHref} aria-current={current === "day" ? "page" : undefined}>Day</Link>
      <span aria-hidden="true">·</span>
      <Link href={rangeHref} aria-current={current === "range" ? "page" : undefined}>Range</Link>
    </nav>
  );
}
