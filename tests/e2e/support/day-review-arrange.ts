import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import { addDays, getDayKeyForInstant, getLocalDayBounds } from "@/lib/dates";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";
import { getE2eDb } from "./e2e-db";

const MIN = 60_000;
const SEC = 1_000;

/**
 * An organization of its own in New York (so its Dialpad state is the test's alone): a manager and their
 * report Rita, whose day two days ago has a call from the previous evening, a three-way call (Chloe Rossi
 * at 09:41 and a merged leg to Dan Ode at 09:42), a received voicemail, a voicemail left and a missed
 * call. Dialpad's synced history starts 10 days ago; the last sync was 5 minutes ago (status
 * reconnect_needed, so no scheduler tries to sync it for real).
 */
export async function arrangeDayReview() {
  const db = getE2eDb();
  const tag = uniqueSuffix();
  const timeZone = "America/New_York";
  const organization = await createOrganization(db, { name: `Review ${tag}`, timezone: timeZone });
  const manager = await createViewer(db, organization, { role: "manager", name: `Max Manager ${tag}` });
  const rita = await createEmployee(db, organization, { name: `Rita Review ${tag}`, managerId: manager.employee!.id, title: "Account Executive" });
  const user = `rita-${tag}`;
  await linkEmployee(db, rita, user);

  const now = Date.now();
  const today = getDayKeyForInstant(now, timeZone);
  const dayKey = addDays(today, -2);
  const start = getLocalDayBounds(dayKey, timeZone).start;
  const at = (hour: number, minute = 0, second = 0) => start + hour * 3_600_000 + minute * MIN + second * SEC;
  const chloe = buildLeg(user, { startedAt: at(9, 41), connectedAt: at(9, 41, 30), endedAt: at(10), direction: "outbound", contactName: "Chloe Rossi" });
  const calls = await insertLegs(db, organization.id, [
    buildLeg(user, { startedAt: start - 10 * MIN, connectedAt: start - 10 * MIN, endedAt: start + 10 * MIN, direction: "outbound", contactName: "Pat Evening" }),
    chloe,
    buildLeg(user, { startedAt: at(9, 42), connectedAt: at(9, 42, 34), endedAt: at(10), direction: "outbound", contactName: "Dan Ode", masterCallId: chloe.dialpadCallId }),
    buildLeg(user, { startedAt: at(10, 30), rangAt: at(10, 30), connectedAt: at(10, 30, 20), endedAt: at(10, 32), direction: "inbound", hasVoicemail: true, state: "voicemail", externalNumber: "+14155550111" }),
    buildLeg(user, { startedAt: at(11), endedAt: at(11, 1), direction: "outbound", leftVoicemail: true, contactName: "Vera Voicemail" }),
    buildLeg(user, { startedAt: at(14), rangAt: at(14), endedAt: at(14, 1), direction: "inbound", state: "missed", externalNumber: "+14155550122" }),
  ]);
  await scoreQueuedDays(db, organization.id);

  const historyStart = getLocalDayBounds(addDays(today, -10), timeZone).start;
  const lastSyncAt = Math.max(now - 5 * MIN, getLocalDayBounds(today, timeZone).start + SEC);
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "reconnect_needed", dialpadCompanyId: `c-${tag}`, companyName: `Review ${tag}`,
    companyDomain: organization.domain, connectedByName: "Test", connectedAt: historyStart, lastSyncAt, updatedAt: now,
  });
  await insertSyncRun(db, {
    organizationId: organization.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: historyStart, startedAt: historyStart,
    updatedAt: lastSyncAt, status: "succeeded", rangeStart: historyStart, rangeEnd: lastSyncAt, windowEnd: historyStart,
  });
  return { tag, timeZone, manager, rita, today, dayKey, calls, lastSyncAt, beforeHistory: addDays(today, -20) };
}
