import type { Db } from "@/db/client";
import { listMappedDialpadUsers } from "@/db/queries/scores";
import { getCallById, listCallEntries } from "@/db/queries/views";
import type { CallDayEntry, CallRow, Employee } from "@/db/schema";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { AppError } from "@/lib/errors";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import { isAdmin, type Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { maskCallNumbers, maskRawPayloadNumbers } from "@/lib/privacy/mask-call-numbers";
import { getCallPrivacy, getRecordingUrl } from "@/lib/services/privacy/call-privacy";
import { getCallDayContext, type CallDayContext } from "./get-call-day-context";
import { listCallLegs, type LinkedLeg } from "./list-call-legs";

export interface CallDetail {
  employee: Employee;
  timeZone: string;
  dayStartHour: number;
  /** The leg without its raw payload. */
  call: Omit<CallRow, "raw">;
  /** This employee's share of the call per local day (two entries when it crosses the day start). */
  entries: CallDayEntry[];
  legs: LinkedLeg[];
  /** The call's place in the day it started on (null until it is scored): previous/next call, overlap. */
  day: CallDayContext | null;
  /** The Dialpad record as received, pretty-printed: admins only, null for everyone else. */
  raw: string | null;
  /** "Listen in Dialpad": only while the admin setting "Link to recordings in Dialpad" is on. */
  recordingUrl: string | null;
}

/**
 * A call leg as seen from one employee's page. NOT_FOUND unless the employee is visible to the
 * viewer and the leg is theirs: scored for them, or made by the Dialpad user they are mapped to.
 */
export async function getCallDetail(
  db: Db,
  viewer: Viewer,
  params: { employeeId: number; callId: number },
): Promise<CallDetail> {
  const employee = await getVisibleEmployee(db, viewer, params.employeeId);
  const found = Number.isSafeInteger(params.callId)
    ? await getCallById(db, { organizationId: viewer.organizationId, callId: params.callId })
    : undefined;
  if (!found) throw new AppError("NOT_FOUND", "Call not found.");
  const entries = await listCallEntries(db, { organizationId: viewer.organizationId, employeeId: employee.id, call: found });
  if (entries.length === 0) {
    const mapped = await listMappedDialpadUsers(db, viewer.organizationId, [employee.id]);
    if (mapped.get(employee.id) !== found.dialpadUserId) throw new AppError("NOT_FOUND", "Call not found.");
  }
  const organization = await getViewerOrganization(db, viewer);
  const startEntry = entries.find((entry) => entry.isStartDay) ?? entries[0];
  const day = startEntry
    ? await getCallDayContext(db, { organizationId: viewer.organizationId, employeeId: employee.id, dayKey: startEntry.dayKey, callId: found.id })
    : null;
  const { raw, ...call } = found;
  const privacy = await getCallPrivacy(db, viewer);
  return {
    employee,
    timeZone: canonicalTimeZone(employee.timezone ?? organization.timezone),
    dayStartHour: organization.dayStartHour,
    call: maskCallNumbers(call, privacy.isMasked),
    entries,
    legs: await listCallLegs(db, viewer, found),
    day,
    raw: isAdmin(viewer) ? maskRawPayloadNumbers(prettyPrint(raw), privacy.isMasked) : null,
    recordingUrl: getRecordingUrl(privacy, raw),
  };
}

function prettyPrint(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
