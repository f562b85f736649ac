import { generateDay, type DaySpec } from "./call-day";
import type { Company, Leg } from "./types";

// Big companies produce ~30k legs a day; keep a bounded number of generated days in memory.
const DEFAULT_BUDGET_LEGS = 400_000;

interface Entry {
  legs: Leg[];
  byId: Map<string, Leg> | null;
}

/** LRU cache of generated days, keyed by company and UTC day, bounded by total leg count. */
export class DayCache {
  private entries = new Map<string, Entry>();
  private size = 0;

  constructor(
    private readonly spec: DaySpec,
    private readonly budget = DEFAULT_BUDGET_LEGS,
  ) {}

  private entry(company: Company, day: number): Entry {
    const key = `${company.index}:${day}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const entry: Entry = { legs: generateDay(company, day, this.spec), byId: null };
    this.entries.set(key, entry);
    this.size += entry.legs.length;
    for (const [oldKey, old] of this.entries) {
      if (this.size <= this.budget || oldKey === key) break;
      this.entries.delete(oldKey);
      this.size -= old.legs.length;
    }
    return entry;
  }

  /** Legs of one day, newest first. Do not mutate. */
  day(company: Company, day: number): readonly Leg[] {
    return this.entry(company, day).legs;
  }

  find(company: Company, day: number, callId: string): Leg | undefined {
    const entry = this.entry(company, day);
    entry.byId ??= new Map(entry.legs.map((l) => [l.callId, l]));
    return entry.byId.get(callId);
  }
}
