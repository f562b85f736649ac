import Link from "next/link";
import type { TeamDayQuery } from "@/lib/services/views/team-day-query";
import { buildTeamHref } from "./team-href";
import styles from "./team.module.css";

type TeamUnmappedFooterProps = { count: number; isAdmin: boolean; dayKey: string; query: TeamDayQuery };

/** People without a Dialpad user have no phone data: one line under the list instead of rows of dashes. */
export function TeamUnmappedFooter({ count, isAdmin, dayKey, query }: TeamUnmappedFooterProps) {
  if (count === 0 || query.show === "not-mapped" || query.show === "all") return null;
  return (
    <p className={styles.footer} data-testid="team-unmapped">
      {count} {count === 1 ? "person" : "people"} not mapped →{" "}
      {isAdmin ? <Link href="/settings/products/phone-system/mapping">fix mapping</Link> : "ask an administrator to map them"}
      {" · "}
      <Link href={buildTeamHref(dayKey, query, { show: "not-mapped", page: 1 })} prefetch={false}>
        list them
      </Link>
    </p>
  );
}
