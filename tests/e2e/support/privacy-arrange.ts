import { listOrganizationCalls, nextWriteStamp, upsertCallRows } from "@/db/queries/calls";
import type { Employee, Organization } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { addDays, getDayKeyForInstant, getLocalDayBounds } from "@/lib/dates";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import { linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";
import { getE2eDb } from "./e2e-db";

/**
 * An organization of its own (its privacy settings change in the spec): an admin, a manager, their
 * report Rita (who can sign in) with a recorded call from +1 415 555 0142 two days ago, and Erin with a
 * call, to be erased.
 */
export async function arrangePrivacyTeam() {
  const db = getE2eDb();
  const tag = uniqueSuffix();
  const organization = await createOrganization(db, { name: `Privacy ${tag}`, timezone: "America/New_York" });
  const admin = await createViewer(db, organization, { role: "admin", name: `Ada Privacy ${tag}` });
  const manager = await createViewer(db, organization, { role: "manager", name: `Mona Manager ${tag}` });
  const rita = await createViewer(db, organization, { role: "employee", name: `Rita Report ${tag}`, managerId: manager.employee!.id });
  const erin = await createEmployee(db, organization, { name: `Erin Erase ${tag}`, managerId: manager.employee!.id });
  await linkEmployee(db, rita.employee!, `rita-${tag}`);
  await linkEmployee(db, erin, `erin-${tag}`);
  const dayKey = addDays(getDayKeyForInstant(Date.now(), organization.timezone), -2);
  const start = getLocalDayBounds(dayKey, organization.timezone).start + 10 * 3_600_000;
  const ritaCall = await storeCall(organization, `rita-${tag}`, start, { call_recording_share_links: [`https://dialpad.test/shared/call/${tag}`] });
  await storeCall(organization, `erin-${tag}`, start, {});
  await scoreQueuedDays(db, organization.id);
  return { organization, tag, admin, manager, rita: rita as typeof rita & { employee: Employee }, erin, dayKey, ritaCall };
}

async function storeCall(organization: Organization, dialpadUserId: string, startedAt: number, raw: Record<string, unknown>) {
  const db = getE2eDb();
  const leg = buildCallLeg({
    dialpadCallId: `priv-${uniqueSuffix()}`,
    dialpadUserId,
    startedAt,
    rangAt: startedAt,
    connectedAt: startedAt + 10_000,
    endedAt: startedAt + 310_000,
    direction: "inbound",
    externalNumber: "+14155550142",
    wasRecorded: true,
  });
  // As a sync stores it while "Link to recordings in Dialpad" is on: the share link is in the payload.
  const payload = { call_id: leg.dialpadCallId, state: leg.state, external_number: "+14155550142", ...raw };
  await withTransaction(db, (tx) => upsertCallRows(tx, organization.id, [{ leg, raw: payload }], nextWriteStamp()));
  return (await listOrganizationCalls(db, organization.id)).find((row) => row.dialpadCallId === leg.dialpadCallId)!;
}
