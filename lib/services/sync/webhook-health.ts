import { getDayKeyForInstant, getIsoWeekday, getLocalDayBounds } from "@/lib/dates";

const hourMs = 3_600_000;
/** Working hours for the silence check, local time: calls are expected from 09:00 to 17:00 on work days. */
const workStartHour = 9;
const workHours = 8;
/** No event for this long during working hours reads as webhooks gone quiet. */
export const quietLimitMs = 2 * hourMs;
/** A refused delivery keeps webhooks suspect for a day. */
export const deliveryErrorMemoryMs = 24 * hourMs;

export interface WebhookSignals {
  now: number;
  /** A webhook and call subscription are registered at Dialpad. */
  isRegistered: boolean;
  /** The newest event received, or when the connection was made if none came since. */
  lastEventAt: number | null;
  connectedAt: number;
  /** The last delivery Daymark had to refuse (bad signature or body). */
  lastDeliveryErrorAt: number | null;
  /** The newest short re-read found calls that no webhook had brought: webhooks missed some. */
  hasShortReadFoundMissedCalls: boolean;
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  workWeek: readonly number[];
}

export type WebhookHealth = { isHealthy: true } | { isHealthy: false; reason: string };

/** Whether webhooks can be trusted to bring every call, so polling may re-read a short window only. */
export function assessWebhookHealth(signals: WebhookSignals): WebhookHealth {
  const { now } = signals;
  if (!signals.isRegistered) return { isHealthy: false, reason: "no webhook registered" };
  if (signals.lastDeliveryErrorAt !== null && now - signals.lastDeliveryErrorAt < deliveryErrorMemoryMs) {
    return { isHealthy: false, reason: "a webhook delivery failed" };
  }
  if (signals.hasShortReadFoundMissedCalls) return { isHealthy: false, reason: "a re-read found calls webhooks missed" };
  const quietSince = signals.lastEventAt ?? signals.connectedAt;
  if (now - quietSince >= quietLimitMs && isWorkingTime(now, signals.timeZone, signals.workWeek)) {
    return { isHealthy: false, reason: "no webhook event for 2 hours during working hours" };
  }
  return { isHealthy: true };
}

/** 09:00–17:00 local time on a work day (a day here starts at 09:00, so its first 8 hours are working hours). */
export function isWorkingTime(ms: number, timeZone: string, workWeek: readonly number[]): boolean {
  const dayKey = getDayKeyForInstant(ms, timeZone, workStartHour);
  if (!workWeek.includes(getIsoWeekday(dayKey))) return false;
  return ms - getLocalDayBounds(dayKey, timeZone, workStartHour).start < workHours * hourMs;
}
