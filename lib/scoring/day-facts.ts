// One employee's calls turned into per-local-day facts: counted talk time (the union, split at
// day boundaries), each call's contribution, and the counts the score and the day view show.
import { markConnectedCallLegs } from "@/lib/calls/connected-calls";
import { classifyCallLeg, type CallClassification, type CallKind, type UncountedCallKind } from "@/lib/calls/rules";
import type { CallLeg } from "@/lib/calls/types";
import { getLocalDayCalendar, type DayKey, type LocalDayCalendar } from "@/lib/dates";
import { splitIntervalByDay } from "./day-split";
import { creditContributions, type IdentifiedInterval } from "./intervals";

export interface DayCallEntry {
  dialpadCallId: string;
  kind: CallKind;
  reason: string;
  isFlagged: boolean;
  startedAt: number;
  /** The call started in this day, so its counts (connected call, voicemail, missed) land here. */
  isStartDay: boolean;
  /** This leg is the one credited to the "connected calls" signal (once per call graph). */
  countsAsConnectedCall: boolean;
  /** Counted time of this call inside the day, before removing overlap with other calls. */
  countedMs: number;
  /** The part of countedMs not already covered by an earlier call of the day. */
  contributionMs: number;
}

export interface UncountedCall {
  dialpadCallId: string;
  kind: UncountedCallKind;
  reason: string;
  isFlagged: boolean;
  startedAt: number;
}

export interface DayFacts {
  dayKey: DayKey;
  /** Talk time: the union of the day's counted intervals, in ms. */
  talkMs: number;
  /** Outbound connected, inbound answered and voicemails left, by the day the call started. */
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
  notAnsweredCalls: number;
  /** Counted talk time or a connected call; missed calls and received voicemails are not activity. */
  hasActivity: boolean;
  /** Every call that started in the day or counted time in it, by start time then id. */
  calls: DayCallEntry[];
  /** Calls that started in the day and count no time (flagged voicemails included), with reasons. */
  uncounted: UncountedCall[];
}

/** A counted slice of a call in the day, with the entry its contribution goes to. */
interface Slice extends IdentifiedInterval {
  entry: DayCallEntry;
}

interface DayAccumulator {
  facts: DayFacts;
  entries: Map<string, DayCallEntry>;
  slices: Slice[];
}

export function createEmptyDayFacts(dayKey: DayKey): DayFacts {
  return {
    dayKey, talkMs: 0, connectedCalls: 0, voicemailsLeft: 0, voicemailsReceived: 0,
    missedCalls: 0, notAnsweredCalls: 0, hasActivity: false, calls: [], uncounted: [],
  };
}

function compareByStart(a: { startedAt: number; dialpadCallId: string }, b: typeof a): number {
  const byId = a.dialpadCallId < b.dialpadCallId ? -1 : a.dialpadCallId > b.dialpadCallId ? 1 : 0;
  return a.startedAt - b.startedAt || byId;
}

function getDay(days: Map<DayKey, DayAccumulator>, dayKey: DayKey): DayAccumulator {
  let day = days.get(dayKey);
  if (!day) {
    day = { facts: createEmptyDayFacts(dayKey), entries: new Map(), slices: [] };
    days.set(dayKey, day);
  }
  return day;
}

function getEntry(day: DayAccumulator, leg: CallLeg, classification: CallClassification): DayCallEntry {
  let entry = day.entries.get(leg.dialpadCallId);
  if (!entry) {
    const { kind, reason, isFlagged } = classification;
    entry = {
      dialpadCallId: leg.dialpadCallId, kind, reason, isFlagged, startedAt: leg.startedAt,
      isStartDay: false, countsAsConnectedCall: false, countedMs: 0, contributionMs: 0,
    };
    day.entries.set(leg.dialpadCallId, entry);
  }
  return entry;
}

function countStart(facts: DayFacts, entry: DayCallEntry, classification: CallClassification): void {
  if (entry.countsAsConnectedCall) facts.connectedCalls++;
  if (classification.isVoicemailLeft) facts.voicemailsLeft++;
  if (classification.isVoicemailReceived) facts.voicemailsReceived++;
  if (classification.kind === "missed") facts.missedCalls++;
  if (classification.kind === "not_answered") facts.notAnsweredCalls++;
  if (!classification.isCounted) {
    const { kind, reason, isFlagged } = classification;
    facts.uncounted.push({ dialpadCallId: entry.dialpadCallId, kind: kind as UncountedCallKind, reason, isFlagged, startedAt: entry.startedAt });
  }
}

const creditSlice = (slice: Slice, contributionMs: number) => {
  slice.entry.contributionMs += contributionMs;
};

function finishDay({ facts, entries, slices }: DayAccumulator): DayFacts {
  const totalMs = creditContributions(slices, creditSlice);
  facts.talkMs = totalMs;
  facts.hasActivity = totalMs > 0 || facts.connectedCalls > 0;
  facts.calls = [...entries.values()].sort(compareByStart);
  facts.uncounted.sort(compareByStart);
  return facts;
}

/**
 * Facts for every local day that any of one employee's legs touches (legs are unique by
 * dialpadCallId). A call's counts land on the day it started; its counted time is split across
 * the days it spans. O(n log n) in the number of legs.
 */
export function computeDayFactsByDay(legs: readonly CallLeg[], calendar: LocalDayCalendar): Map<DayKey, DayFacts> {
  const days = new Map<DayKey, DayAccumulator>();
  const classifications = legs.map((leg) => classifyCallLeg(leg));
  const isCreditedCall = markConnectedCallLegs(legs, classifications);
  legs.forEach((leg, i) => {
    const classification = classifications[i]!;
    const startDay = getDay(days, calendar.getDayKey(leg.startedAt));
    const entry = getEntry(startDay, leg, classification);
    entry.isStartDay = true;
    entry.countsAsConnectedCall = isCreditedCall[i]!;
    countStart(startDay.facts, entry, classification);
    if (!classification.interval) return;
    for (const slice of splitIntervalByDay(classification.interval, calendar)) {
      const day = getDay(days, slice.dayKey);
      const entry = getEntry(day, leg, classification);
      entry.countedMs += slice.end - slice.start;
      day.slices.push({ id: leg.dialpadCallId, start: slice.start, end: slice.end, entry });
    }
  });
  const result = new Map<DayKey, DayFacts>();
  for (const [dayKey, day] of days) result.set(dayKey, finishDay(day));
  return result;
}

/** Facts for one employee and one local day; `legs` may include legs of other days. */
export function computeDayFacts(dayKey: DayKey, legs: readonly CallLeg[], timeZone: string, dayStartHour = 0): DayFacts {
  const byDay = computeDayFactsByDay(legs, getLocalDayCalendar(timeZone, dayStartHour));
  return byDay.get(dayKey) ?? createEmptyDayFacts(dayKey);
}
