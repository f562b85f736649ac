import type { Db } from "@/db/client";
import { listDataViews } from "@/db/queries/data-views";
import { getEmployeeById } from "@/db/queries/employees";
import { getLinkedDialpadUserId } from "@/db/queries/privacy-erase";
import { countEmployeeRows, listRecentDailyScores, listRecentDialpadUserCalls } from "@/db/queries/privacy-export";
import type { DataView, Employee } from "@/db/schema";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { maskCallNumbers } from "@/lib/privacy/mask-call-numbers";
import { DATA_VIEW_RETENTION_DAYS } from "@/lib/privacy/retention-cutoff";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { getCallPrivacy } from "./call-privacy";
import { getPrivacySettings, type PrivacySettings } from "./get-privacy-settings";

export type MyData = {
  employee: Employee;
  timeZone: string;
  settings: PrivacySettings;
  isNumberMasked: boolean;
  dialpadUserId: string | null;
  counts: { calls: number; dailyScores: number };
  recentCalls: Awaited<ReturnType<typeof listRecentDialpadUserCalls>>;
  recentScores: Awaited<ReturnType<typeof listRecentDailyScores>>;
  /** Who opened this person's day pages, calls and exports in the last 90 days, newest first. */
  views: DataView[];
};

const dayMs = 86_400_000;

/** "My data": what Daymark stores about the signed-in employee, the rules that apply, and who looked. Null without an employee record. */
export async function getMyData(db: Db, viewer: Viewer, now: number = Date.now()): Promise<MyData | null> {
  if (viewer.employeeId === null) return null;
  const key = { organizationId: viewer.organizationId, employeeId: viewer.employeeId };
  const employee = await getEmployeeById(db, key);
  if (!employee) return null;
  const organization = await getViewerOrganization(db, viewer);
  const settings = await getPrivacySettings(db, viewer.organizationId);
  const { isMasked } = await getCallPrivacy(db, viewer);
  const dialpadUserId = await getLinkedDialpadUserId(db, key);
  const recentCalls = dialpadUserId ? await listRecentDialpadUserCalls(db, { ...key, dialpadUserId, limit: 20 }) : [];
  return {
    employee,
    timeZone: canonicalTimeZone(employee.timezone ?? organization.timezone),
    settings,
    isNumberMasked: isMasked,
    dialpadUserId,
    counts: await countEmployeeRows(db, { ...key, dialpadUserId }),
    recentCalls: recentCalls.map((call) => maskCallNumbers(call, isMasked)),
    recentScores: await listRecentDailyScores(db, { ...key, limit: 30 }),
    views: await listDataViews(db, { ...key, since: now - DATA_VIEW_RETENTION_DAYS * dayMs, limit: 500 }),
  };
}
