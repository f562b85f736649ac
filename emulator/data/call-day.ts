// Generates every call leg of one company that starts on one UTC day, from the seed alone.
// Days are independent, so any window can be produced lazily without building the whole history.
import { midnightCall, weightedScenarios, type ScenarioContext } from "./call-scenarios";
import { wideId } from "./company";
import { Rng } from "./prng";
import { strictWeightedScenarios } from "./strict-scenarios";
import { localTime, nextLocalMidnight } from "./timezones";
import type { Company, Leg, User } from "./types";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DaySpec {
  seed: number;
  callsPerUserDay: number;
  /** Legs are kept only when every leg of their call lies in [windowStart, windowEnd]. */
  windowStart: number;
  windowEnd: number;
  /** Strict mode: wide ids and the extra kinds of call in strict-scenarios.ts. */
  strict?: boolean;
}

/** Relative activity by local hour; weekends are nearly quiet. */
function hourWeight(hour: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6;
  if (weekend) return hour >= 9 && hour < 18 ? 0.06 : 0.004;
  if ((hour >= 9 && hour < 12) || (hour >= 13 && hour < 17)) return 1;
  if (hour === 12) return 0.6;
  if (hour === 8 || hour === 17) return 0.35;
  if (hour === 7 || hour === 18 || hour === 19) return 0.08;
  if (hour >= 20 && hour <= 22) return 0.03;
  return 0.004;
}

const WEEKDAY_TOTAL = Array.from({ length: 24 }, (_, h) => hourWeight(h, 3)).reduce((a, b) => a + b, 0);
// Internal calls, transfers and three-way calls add a second user leg; scale so user legs ≈ the setting.
const LEGS_PER_EVENT = 1.26;

export function callIdFor(companyIndex: number, day: number, seq: number, strict = false): string {
  return wideId(`5${companyIndex}${String(day).padStart(5, "0")}${String(seq).padStart(9, "0")}`, strict);
}

function eventStarts(rng: Rng, user: User, dayStart: number, perDay: number): number[] {
  const weights = Array.from({ length: 24 }, (_, h) => {
    const local = localTime(user.timeZone, dayStart + h * HOUR_MS);
    return hourWeight(local.hour, local.weekday);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const count = rng.poisson((perDay * total) / WEEKDAY_TOTAL / LEGS_PER_EVENT);
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(dayStart + rng.weighted(weights) * HOUR_MS + rng.int(0, HOUR_MS - 1));
  return starts.sort((a, b) => a - b);
}

/** Another calling user, preferably one who is in working hours at `at`. */
function pickColleague(rng: Rng, company: Company, user: User, at: number): User | null {
  const others = company.callingUsers;
  if (others.length < 2) return null;
  let candidate: User = user;
  for (let tries = 0; tries < 8; tries++) {
    const other = rng.pick(others);
    if (other.id === user.id) continue;
    candidate = other;
    const local = localTime(other.timeZone, at);
    if (hourWeight(local.hour, local.weekday) >= 0.35) break;
  }
  return candidate.id === user.id ? (others.find((u) => u.id !== user.id) ?? null) : candidate;
}

const inWindow = (legs: Leg[], spec: DaySpec) =>
  legs.every((l) => l.dateStarted >= spec.windowStart && l.dateEnded <= spec.windowEnd);

export function compareLegsDesc(a: Leg, b: Leg): number {
  if (a.dateStarted !== b.dateStarted) return b.dateStarted - a.dateStarted;
  return a.callId < b.callId ? 1 : a.callId > b.callId ? -1 : 0;
}

/** All legs starting on UTC day `day` (days since the epoch), newest first. */
export function generateDay(company: Company, day: number, spec: DaySpec): Leg[] {
  const dayStart = day * DAY_MS;
  const dayEnd = dayStart + DAY_MS;
  const legs: Leg[] = [];
  if (dayEnd <= spec.windowStart || dayStart > spec.windowEnd) return legs;
  let seq = 0;
  const strict = spec.strict ?? false;
  const nextId = () => callIdFor(company.index, day, seq++, strict);
  const scenarios = strict ? strictWeightedScenarios : weightedScenarios;
  const weights = scenarios.map(([, w]) => w);
  for (const user of company.callingUsers) {
    const rng = Rng.of(spec.seed, "day", company.index, day, user.index);
    let busyUntil = dayStart;
    for (const sampled of eventStarts(rng, user, dayStart, spec.callsPerUserDay)) {
      const start = Math.max(sampled, busyUntil + rng.int(20_000, 180_000));
      if (start >= dayEnd) break;
      const [scenario] = scenarios[rng.weighted(weights)]!;
      const ctx: ScenarioContext = { company, rng, user, start, nextId, colleague: pickColleague(rng, company, user, start), strict };
      const produced = scenario(ctx);
      for (const leg of produced) if (leg.target.id === user.id) busyUntil = Math.max(busyUntil, leg.dateEnded);
      if (inWindow(produced, spec)) legs.push(...produced);
    }
    if (rng.chance(0.12)) {
      const midnight = nextLocalMidnight(user.timeZone, dayStart);
      const start = midnight - rng.int(2, 25) * 60_000 - rng.int(0, 59_999);
      if (start >= dayStart && start < dayEnd) {
        const produced = midnightCall({ company, rng, user, start, nextId, colleague: null, strict });
        if (inWindow(produced, spec)) legs.push(...produced);
      }
    }
  }
  return legs.sort(compareLegsDesc);
}
