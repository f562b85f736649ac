import { CallDetail } from "@/components/calls/call-detail";
import { CallModal } from "@/components/calls/call-modal";
import { loadCallOrNotFound } from "@/app/(app)/employees/[id]/calls/[callId]/load-call";

// Soft navigation to a call (from the day's table, timeline or another leg) lands here, over the page.
export default async function CallModalPage({ params }: { params: Promise<{ id: string; callId: string }> }) {
  const { detail, path, previousHref, nextHref } = await loadCallOrNotFound(await params);
  return (
    <CallModal titleId="call-modal-title" path={path} previousHref={previousHref} nextHref={nextHref}>
      <CallDetail detail={detail} titleId="call-modal-title" headingLevel="h2" />
    </CallModal>
  );
}
