// All call legs of all companies: generated history (lazy, per day) plus live legs added at run time.
// Listing is keyset-based on (date_started, call_id) descending, so pages never shift.
import { DAY_MS, compareLegsDesc, type DaySpec } from "./call-day";
import { DayCache } from "./day-cache";
import type { Company, Leg } from "./types";

export interface CallQuery {
  /** Strict bounds on date_started (epoch ms). */
  after: number;
  before: number;
  target?: { id: string; type: string };
  /** Only legs ended at or before this instant (listing shows concluded calls only). */
  endedBy: number;
  /** Live legs inserted after this sequence number are invisible (consistent snapshot). */
  maxLiveSeq: number;
  /** Continue strictly after this key (the last leg of the previous page). */
  after_key?: { started: number; callId: string };
}

const GENERATED_ID = /^5(\d)(\d{5})\d{9}$/;
const STRICT_GENERATED_ID = /^15(\d)(\d{5})\d{9}$/;

function isBeyondKey(leg: Leg, key: CallQuery["after_key"]): boolean {
  if (!key) return true;
  return leg.dateStarted < key.started || (leg.dateStarted === key.started && leg.callId < key.callId);
}

function matches(leg: Leg, q: CallQuery): boolean {
  if (leg.dateStarted <= q.after || leg.dateStarted >= q.before || leg.dateEnded > q.endedBy) return false;
  if (leg.liveSeq !== undefined && leg.liveSeq > q.maxLiveSeq) return false;
  if (q.target) {
    const { id, type } = q.target;
    const onTarget = leg.target.id === id && leg.target.type === type;
    const onEntry = leg.entryPointTarget?.id === id && leg.entryPointTarget.type === type;
    if (!onTarget && !onEntry) return false;
  }
  return isBeyondKey(leg, q.after_key);
}

/** First index in a newest-first array whose leg sorts after `key`. */
function startIndex(legs: readonly Leg[], key: CallQuery["after_key"]): number {
  if (!key) return 0;
  let lo = 0;
  let hi = legs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBeyondKey(legs[mid]!, key)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class CallStore {
  private readonly cache: DayCache;
  private readonly live = new Map<number, Leg[]>();
  private readonly liveById = new Map<string, { companyIndex: number; leg: Leg }>();
  private seq = 0;
  readonly firstDay: number;
  readonly lastDay: number;

  constructor(private readonly spec: DaySpec) {
    this.cache = new DayCache(spec);
    this.firstDay = Math.floor(spec.windowStart / DAY_MS);
    this.lastDay = Math.floor(spec.windowEnd / DAY_MS);
  }

  get liveSeq(): number {
    return this.seq;
  }

  nextLiveSeq(): number {
    return ++this.seq;
  }

  /** Adds legs that were built with liveSeq already assigned. */
  addLive(company: Company, legs: Leg[]): void {
    const list = this.live.get(company.index) ?? [];
    for (const leg of legs) {
      list.push(leg);
      this.liveById.set(leg.callId, { companyIndex: company.index, leg });
    }
    list.sort(compareLegsDesc);
    this.live.set(company.index, list);
  }

  findById(company: Company, callId: string): Leg | undefined {
    const live = this.liveById.get(callId);
    if (live) return live.companyIndex === company.index ? live.leg : undefined;
    const m = (this.spec.strict ? STRICT_GENERATED_ID : GENERATED_ID).exec(callId);
    if (!m || Number(m[1]) !== company.index) return undefined;
    const day = Number(m[2]);
    if (day < this.firstDay || day > this.lastDay) return undefined;
    return this.cache.find(company, day, callId);
  }

  /** Up to `limit` matching legs, newest first, and whether more exist. */
  list(company: Company, q: CallQuery, limit: number): { items: Leg[]; hasMore: boolean } {
    const want = limit + 1;
    const generated: Leg[] = [];
    const upper = Math.min(this.lastDay, Math.floor((Math.min(q.before, q.after_key?.started ?? Infinity)) / DAY_MS));
    const lower = Math.max(this.firstDay, Math.floor(q.after / DAY_MS));
    let day = upper;
    for (; day >= lower && generated.length < want; day--) {
      const legs = this.cache.day(company, day);
      for (let i = startIndex(legs, q.after_key); i < legs.length && generated.length < want; i++) {
        if (matches(legs[i]!, q)) generated.push(legs[i]!);
      }
    }
    // A call that starts before midnight can have legs (a transfer, a callback) after it, so the day
    // before the last one read may hold legs that sort among those collected: merge them too.
    if (day >= lower) {
      const legs = this.cache.day(company, day);
      const nextDayStart = (day + 1) * DAY_MS;
      for (let i = startIndex(legs, q.after_key); i < legs.length && legs[i]!.dateStarted >= nextDayStart; i++) {
        if (matches(legs[i]!, q)) generated.push(legs[i]!);
      }
    }
    const live = (this.live.get(company.index) ?? []).filter((l) => matches(l, q)).slice(0, want);
    const merged = [...generated, ...live].sort(compareLegsDesc);
    return { items: merged.slice(0, limit), hasMore: merged.length > limit };
  }

  /** Every matching leg (for admin exact-equality checks). */
  all(company: Company, q: Omit<CallQuery, "after_key">): Leg[] {
    const out: Leg[] = [];
    let key: CallQuery["after_key"];
    for (;;) {
      const page = this.list(company, { ...q, after_key: key }, 10_000);
      out.push(...page.items);
      if (!page.hasMore) return out;
      const last = page.items[page.items.length - 1]!;
      key = { started: last.dateStarted, callId: last.callId };
    }
  }
}
