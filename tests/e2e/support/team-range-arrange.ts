import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import { addDays, getDayKeyForInstant, getIsoWeekday, getLocalDayBounds, type DayKey } from "@/lib/dates";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";
import { getE2eDb } from "./e2e-db";

const MIN = 60_000;

/**
 * An organization of its own in New York and a week two weeks back (Monday to Sunday). The manager
 * Mia (no Dialpad user) has three reports: Blake (10 six-minute calls on Tuesday: 60; 3 ten-minute
 * calls on Wednesday: 25), Chloe (20 on Tuesday: 100; 5 on Thursday: 30) and Una (unmapped); Hal is a
 * hidden report and Pat someone else's. Each has a role of their own, so each is scored against the
 * default targets. Dialpad's synced history starts on that Tuesday: Monday has no data.
 */
export async function arrangeTeamRange() {
  const db = getE2eDb();
  const tag = uniqueSuffix();
  const timeZone = "America/New_York";
  const organization = await createOrganization(db, { name: `Range ${tag}`, timezone: timeZone });
  const manager = await createViewer(db, organization, { role: "manager", name: `Mia Manager ${tag}` });
  const managerId = manager.employee!.id;
  const now = Date.now();
  const today = getDayKeyForInstant(now, timeZone);
  let monday: DayKey = addDays(today, -14);
  while (getIsoWeekday(monday) !== 1) monday = addDays(monday, -1);
  const day = (offset: number) => addDays(monday, offset);
  const at = (dayKey: DayKey, minute: number) => getLocalDayBounds(dayKey, timeZone).start + 8 * 3_600_000 + minute * MIN;

  const blake = await createEmployee(db, organization, { name: `Blake Costa ${tag}`, managerId, title: `Closer ${tag}` });
  const chloe = await createEmployee(db, organization, { name: `Chloe Rossi ${tag}`, managerId, title: `Setter ${tag}` });
  await createEmployee(db, organization, { name: `Una Unmapped ${tag}`, managerId, title: `Opener ${tag}` });
  const hal = await createEmployee(db, organization, { name: `Hal Hidden ${tag}`, managerId, hiddenAt: now });
  const pat = await createEmployee(db, organization, { name: `Pat Peer ${tag}` });
  for (const [employee, user] of [[blake, `b-${tag}`], [chloe, `c-${tag}`], [hal, `h-${tag}`], [pat, `p-${tag}`]] as const) {
    await linkEmployee(db, employee, user);
  }
  const calls = (user: string, dayKey: DayKey, count: number, minutes: number) =>
    Array.from({ length: count }, (_, i) =>
      buildLeg(user, {
        startedAt: at(dayKey, i * 20), connectedAt: at(dayKey, i * 20), endedAt: at(dayKey, i * 20 + minutes), direction: "outbound",
        externalNumber: i === 0 ? "+14155550142" : null,
      }),
    );
  await insertLegs(db, organization.id, [
    ...calls(`b-${tag}`, day(1), 10, 6),
    ...calls(`b-${tag}`, day(2), 3, 10),
    ...calls(`c-${tag}`, day(1), 20, 6),
    ...calls(`c-${tag}`, day(3), 5, 6),
    ...calls(`h-${tag}`, day(1), 20, 6),
    ...calls(`p-${tag}`, day(1), 20, 6),
  ]);
  await scoreQueuedDays(db, organization.id);

  const historyStart = getLocalDayBounds(day(1), timeZone).start;
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "reconnect_needed", dialpadCompanyId: `c-${tag}`, companyName: `Range ${tag}`,
    companyDomain: organization.domain, connectedByName: "Test", connectedAt: historyStart, lastSyncAt: now - 5 * MIN, updatedAt: now,
  });
  await insertSyncRun(db, {
    organizationId: organization.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: historyStart, startedAt: historyStart,
    updatedAt: now, status: "succeeded", rangeStart: historyStart, rangeEnd: now - 5 * MIN, windowEnd: historyStart,
  });
  return { tag, timeZone, manager, blake, chloe, hal, monday, sunday: day(6), day, firstCallAt: at(day(1), 0) };
}
