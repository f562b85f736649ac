import type { CallRow } from "@/db/schema";
import { addDays, getDayKeyForInstant, getLocalDayBounds } from "@/lib/dates";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";
import { getE2eDb, getFirstOrganization } from "./e2e-db";

const MIN = 60_000;

/**
 * In the first organization (Europe/Berlin): a manager, their report Rhea with a day of calls two
 * days ago (a three-way call, an overlapping inbound, a received voicemail, a missed call) and one
 * call the day before, an outsider with a call, and an employee of another organization.
 */
export async function arrangeViewsTeam() {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  const tag = uniqueSuffix();
  const manager = await createViewer(db, organization, { role: "manager", name: `Mia Manager ${tag}` });
  const report = await createEmployee(db, organization, { name: `Rhea Report ${tag}`, managerId: manager.employee!.id, title: "Account Executive" });
  const outsider = await createEmployee(db, organization, { name: `Otto Outside ${tag}` });
  await linkEmployee(db, report, `rhea-${tag}`);
  await linkEmployee(db, outsider, `otto-${tag}`);
  const timeZone = organization.timezone;
  const today = getDayKeyForInstant(Date.now(), timeZone, organization.dayStartHour);
  const dayKey = addDays(today, -2);
  const start = getLocalDayBounds(dayKey, timeZone, organization.dayStartHour).start;
  const at = (hour: number, minute = 0) => start + hour * 3_600_000 + minute * MIN;
  const previousDay = start - 24 * 3_600_000;

  const user = `rhea-${tag}`;
  const [first] = await insertLegs(db, organization.id, [
    buildLeg(user, { startedAt: at(9), rangAt: at(9), connectedAt: at(9, 1), endedAt: at(9, 20), direction: "inbound", contactName: `Acme ${tag}`, externalNumber: "+14155550100", wasRecorded: true, labels: ["sales"] }),
  ]);
  const rest = await insertLegs(db, organization.id, [
    buildLeg(user, { startedAt: at(9, 5), connectedAt: at(9, 6), endedAt: at(9, 20), direction: "outbound", masterCallId: first!.dialpadCallId, contactName: `Bolt ${tag}` }),
    buildLeg(user, { startedAt: at(9, 10), connectedAt: at(9, 10), endedAt: at(9, 40), direction: "inbound", contactName: `Cora ${tag}` }),
    buildLeg(user, { startedAt: at(14), rangAt: at(14), connectedAt: at(14), endedAt: at(14, 2), direction: "inbound", hasVoicemail: true, state: "voicemail", externalNumber: "+14155550111" }),
    buildLeg(user, { startedAt: at(16), rangAt: at(16), endedAt: at(16, 1), direction: "inbound", state: "missed", externalNumber: "+14155550122" }),
    buildLeg(user, { startedAt: previousDay + 11 * 3_600_000, connectedAt: previousDay + 11 * 3_600_000, endedAt: previousDay + 11.5 * 3_600_000, direction: "outbound", contactName: `Dawn ${tag}` }),
  ]);
  const rheaCalls: CallRow[] = [first!, ...rest];
  const [ottoCall] = await insertLegs(db, organization.id, [
    buildLeg(`otto-${tag}`, { startedAt: at(9, 30), connectedAt: at(9, 30), endedAt: at(9, 45), entryPointCallId: first!.dialpadCallId, direction: "inbound" }),
  ]);
  await scoreQueuedDays(db, organization.id);

  const otherOrg = await createOrganization(db, { name: `Elsewhere ${tag}` });
  const foreign = await createEmployee(db, otherOrg, { name: `Fritz Foreign ${tag}` });
  return { organization, tag, manager, report, outsider, foreign, dayKey, today, timeZone, rheaCalls, ottoCall: ottoCall!, at };
}

/** One employee of the first organization with `count` calls on the day two days ago. */
export async function arrangeBusyDay(count: number) {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  const tag = uniqueSuffix();
  const employee = await createEmployee(db, organization, { name: `Busy Bee ${tag}` });
  await linkEmployee(db, employee, `busy-${tag}`);
  const dayKey = addDays(getDayKeyForInstant(Date.now(), organization.timezone), -2);
  const start = getLocalDayBounds(dayKey, organization.timezone).start + 6 * 3_600_000;
  const legs = Array.from({ length: count }, (_, i) =>
    buildLeg(`busy-${tag}`, { startedAt: start + i * 3 * MIN, connectedAt: start + i * 3 * MIN + 5_000, endedAt: start + i * 3 * MIN + 4 * MIN, direction: i % 2 ? "inbound" : "outbound" }),
  );
  await insertLegs(db, organization.id, legs);
  await scoreQueuedDays(db, organization.id);
  return { employee, dayKey };
}

/** Adds a just-finished call to today for a Dialpad user, as a sync would, and scores the day. */
export async function addCallToday(dialpadUserId: string, contactName: string): Promise<void> {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  const end = Date.now() - 60_000;
  await insertLegs(db, organization.id, [
    buildLeg(dialpadUserId, { startedAt: end - 5 * MIN, connectedAt: end - 5 * MIN, endedAt: end, direction: "outbound", contactName }),
  ]);
  await scoreQueuedDays(db, organization.id);
}
