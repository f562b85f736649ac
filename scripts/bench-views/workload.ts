// bench:views' database: 2,000 mapped employees over one year of work days (Monday to Friday), the
// legs spread evenly over the days and at random over the employees, mixed as in bench:score (62%
// answered outbound, missed, voicemails, 5% three-way calls whose second leg names the first as its
// master). Employee 0 also has one 300-call day, the employee-day figure's workload.
import type { Leg } from "../bench-score/engine";
import { mixedCallLegs } from "../bench-score/call-mix";

export const employeeCount = 2_000;
export const roles = ["Sales", "Support", "Success", null, "Team lead"];
export const zones = ["Europe/London", "Asia/Kolkata", null, null, null, null, null, null, null, null];
export const organizationTimeZone = "America/New_York";
/** 2025-12-01 (a Monday) to 2026-11-30. */
export const firstDay = Date.parse("2025-12-01T00:00:00Z");
export const dayCount = 365;
/** The 300-call day of employee 0 (u0, New York time), and the day the team and range views show. */
export const busyDay = "2026-11-18";
export const busyDayCalls = 300;

const workDays = Array.from({ length: dayCount }, (_, day) => day).filter((day) => new Date(firstDay + day * 86_400_000).getUTCDay() % 6 !== 0);

let seed = 20251201;
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
const pick = (n: number) => Math.floor(random() * n);

/** The legs in chunks of one work day each (about legCount / 261 legs), oldest day first. */
export function* generateLegDays(legCount: number): Generator<Leg[]> {
  seed = 20251201;
  let nextId = 1_000_000;
  const busyDayStart = Date.parse(`${busyDay}T14:00:00Z`);
  for (const [index, day] of workDays.entries()) {
    const target = Math.round((legCount * (index + 1)) / workDays.length) - (nextId - 1_000_000);
    const legs: Leg[] = [];
    const dayStart = firstDay + day * 86_400_000;
    if (dayStart === Date.parse(`${busyDay}T00:00:00Z`)) {
      // 300 short calls, one every 100 s from 9:00 in New York.
      for (let n = 0; n < busyDayCalls; n++) {
        const start = busyDayStart + n * 100_000;
        legs.push([String(nextId++), "u0", null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + (20 + pick(60)) * 1000, 0]);
      }
    }
    while (legs.length < target) {
      const id = String(nextId++);
      const user = `u${pick(employeeCount)}`;
      const start = dayStart + (12 + pick(11)) * 3_600_000 + pick(3_600) * 1000;
      const talk = (20 + pick(1_200)) * 1000;
      const r = random();
      legs.push(...mixedCallLegs(r, id, user, start, talk, () => ({ id: String(nextId++), user: `u${pick(employeeCount)}`, direction: "inbound" })));
    }
    yield legs;
  }
}
