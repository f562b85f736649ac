import Link from "next/link";
import type { TeamDayQuery } from "@/lib/services/views/team-day-query";
import { buildTeamHref } from "./team-href";
import styles from "./team.module.css";

/** "Page 2 of 20" with previous and next links; nothing when everything fits on one page. */
export function TeamPager({ dayKey, query, pageCount }: { dayKey: string; query: TeamDayQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const { page } = query;
  return (
    <nav className={styles.pager} aria-label="Pages of people">
      {page > 1 ? (
        <Link href={buildTeamHref(dayKey, query, { page: page - 1 })} prefetch={false} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={buildTeamHref(dayKey, query, { page: page + 1 })} prefetch={false} rel="next">
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
