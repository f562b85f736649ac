import { notFound } from "next/navigation";
import { z } from "@/lib/zod";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { idSchema } from "@/lib/id-schema";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { formatDayKey, formatLocalTimeWithZone, getDayKeyForInstant } from "@/lib/dates";
import { getCallDetail, type CallDetail } from "@/lib/services/views/get-call-detail";
import { recordViewOnce } from "@/lib/services/views/record-view-once";
import { requireViewer } from "@/lib/session";

const callRouteSchema = z.object({
  id: employeeIdSchema,
  callId: idSchema(),
});

/** Shared by the call page and its modal: a bad, unknown, foreign or out-of-scope id is the 404 page. */
export async function loadCallOrNotFound(
  rawParams: { id: string; callId: string },
): Promise<{ detail: CallDetail; path: string; previousHref: string | null; nextHref: string | null }> {
  const viewer = await requireViewer();
  const params = callRouteSchema.safeParse(rawParams);
  if (!params.success) notFound();
  try {
    const detail = await getCallDetail(getDb(), viewer, { employeeId: params.data.id, callId: params.data.callId });
    const { call, timeZone, dayStartHour } = detail;
    const when = `${formatLocalTimeWithZone(call.startedAt, timeZone)} on ${formatDayKey(getDayKeyForInstant(call.startedAt, timeZone, dayStartHour))}`;
    await recordViewOnce(getDb(), viewer, { employeeId: detail.employee.id, kind: "call", detail: `Call at ${when}` });
    const callHref = (callId: number | null | undefined) => (callId ? `/employees/${detail.employee.id}/calls/${callId}` : null);
    return {
      detail,
      path: callHref(detail.call.id)!,
      previousHref: callHref(detail.day?.previousCallId),
      nextHref: callHref(detail.day?.nextCallId),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
