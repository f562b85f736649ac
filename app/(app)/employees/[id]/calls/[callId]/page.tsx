import type { Metadata } from "next";
import Link from "next/link";
import { CallDetail } from "@/components/calls/call-detail";
import { getDayKeyForInstant } from "@/lib/dates";
import { loadCallOrNotFound } from "./load-call";

export const metadata: Metadata = { title: "Call" };

// The call on its own page: what a refresh or a shared link of the modal's URL shows.
export default async function CallPage({ params }: { params: Promise<{ id: string; callId: string }> }) {
  const { detail } = await loadCallOrNotFound(await params);
  const dayKey = getDayKeyForInstant(detail.call.startedAt, detail.timeZone, detail.dayStartHour);
  return (
    <>
      <p>
        <Link href={`/employees/${detail.employee.id}?date=${dayKey}`}>← {detail.employee.name}&apos;s day</Link>
      </p>
      <div className="card">
        <CallDetail detail={detail} titleId="call-title" headingLevel="h1" />
      </div>
    </>
  );
}
