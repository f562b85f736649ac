import type { Metadata } from "next";
import Link from "next/link";
import { CallDetail } from "@/components/calls/call-detail";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { formatDayKey, formatLocalTime, getDayKeyForInstant } from "@/lib/dates";
import { loadCallOrNotFound } from "./load-call";

export const metadata: Metadata = { title: "Call" };

// The call on its own page: what a refresh or a shared link of the modal's URL shows.
export default async function CallPage({ params }: { params: Promise<{ id: string; callId: string }> }) {
  const { detail, previousHref, nextHref } = await loadCallOrNotFound(await params);
  const dayKey = detail.day?.dayKey ?? getDayKeyForInstant(detail.call.startedAt, detail.timeZone, detail.dayStartHour);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Team", href: "/team" },
          { label: formatDayKey(dayKey), href: `/team?date=${dayKey}` },
          { label: detail.employee.name, href: `/employees/${detail.employee.id}?date=${dayKey}` },
          { label: `Call ${formatLocalTime(detail.call.startedAt, detail.timeZone)}` },
        ]}
      />
      <nav className="button-row" aria-label="Calls of the day">
        <Link href={`/employees/${detail.employee.id}?date=${dayKey}`}>← {detail.employee.name}&apos;s day</Link>
        {/* Plain links: a client navigation from here would open the next call as a modal over this page. */}
        {previousHref ? <a className="button button--secondary button--small" href={previousHref}>← Previous call</a> : null}
        {nextHref ? <a className="button button--secondary button--small" href={nextHref}>Next call →</a> : null}
      </nav>
      <div className="card">
        <CallDetail detail={detail} titleId="call-title" headingLevel="h1" />
      </div>
    </>
  );
}
