import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import { addDays, getDayKeyForInstant, getIsoWeekday, getLocalDayBounds, type DayKey } from "@/lib/dates";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";

const MIN = 60_000;
export const FILLER_COUNT = 117;

/** The latest Tuesday to Friday at least two days before `today`, so it and the day before are work days. */
function pickWorkDay(today: DayKey): DayKey {
  let day = addDays(today, -2);
  while (getIsoWeekday(day) < 2 || getIsoWeekday(day) > 5) day = addDays(day, -1);
  return day;
}

/**
 * An organization of its own in New York: an admin (no Dialpad user), three unmapped people, and 120
 * mapped people of whom three called on the shown work day: Bea (20 six-minute calls), Cal (10 the
 * day before and 10 that day) and Dee (20 the day before, 3 ten-minute calls that day); each has a
 * role of their own, so each is scored against the default targets and their own days only. The
 * synced history starts 20 days ago; the last sync was 5 minutes ago.
 */
export async function arrangeTeamReview(db: Db) {
  const tag = uniqueSuffix();
  const timeZone = "America/New_York";
  const organization = await createOrganization(db, { name: `Team review ${tag}`, timezone: timeZone });
  const admin = await createViewer(db, organization, { role: "admin", name: `Ada Admin ${tag}` });
  const now = Date.now();
  const today = getDayKeyForInstant(now, timeZone);
  const dayKey = pickWorkDay(today);
  const at = (day: DayKey, hour: number, minute = 0) => getLocalDayBounds(day, timeZone).start + hour * 3_600_000 + minute * MIN;
  const calls = (user: string, day: DayKey, count: number, minutes: number) =>
    Array.from({ length: count }, (_, i) => buildLeg(user, { startedAt: at(day, 8, i * 20), connectedAt: at(day, 8, i * 20), endedAt: at(day, 8, i * 20 + minutes), direction: "outbound" }));

  const people = async (names: { name: string; title: string }[]) => {
    const created = [];
    for (const { name, title } of names) created.push(await createEmployee(db, organization, { name: `${name} ${tag}`, title }));
    return created;
  };
  const [bea, cal, dee] = await people([
    { name: "Bea Best", title: "Closer" },
    { name: "Cal Calm", title: "Setter" },
    { name: "Dee Dip", title: "Opener" },
  ]);
  const fillers = await people(Array.from({ length: FILLER_COUNT }, (_, i) => ({ name: `Zed Filler ${String(i + 1).padStart(3, "0")}`, title: "Filler" })));
  await people([1, 2, 3].map((i) => ({ name: `Una Unmapped ${i}`, title: "Filler" })));
  for (const [i, employee] of [bea!, cal!, dee!, ...fillers].entries()) await linkEmployee(db, employee, `u${i}-${tag}`);
  const previous = addDays(dayKey, -1);
  await insertLegs(db, organization.id, [
    ...calls(`u0-${tag}`, dayKey, 20, 6),
    ...calls(`u1-${tag}`, previous, 10, 6),
    ...calls(`u1-${tag}`, dayKey, 10, 6),
    ...calls(`u2-${tag}`, previous, 20, 6),
    ...calls(`u2-${tag}`, dayKey, 3, 10),
  ]);
  await scoreQueuedDays(db, organization.id);

  const historyStart = getLocalDayBounds(addDays(today, -20), timeZone).start;
  const lastSyncAt = Math.max(now - 5 * MIN, getLocalDayBounds(today, timeZone).start + 1_000);
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "reconnect_needed", dialpadCompanyId: `c-${tag}`, companyName: `Team review ${tag}`,
    companyDomain: organization.domain, connectedByName: "Test", connectedAt: historyStart, lastSyncAt, updatedAt: now,
  });
  await insertSyncRun(db, {
    organizationId: organization.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: historyStart, startedAt: historyStart,
    updatedAt: lastSyncAt, status: "succeeded", rangeStart: historyStart, rangeEnd: lastSyncAt, windowEnd: historyStart,
  });
  return { tag, timeZone, organization, admin, bea: bea!, cal: cal!, dee: dee!, today, dayKey, lastSyncAt, beforeHistory: addDays(today, -25), historyStartDay: addDays(today, -20) };
}
