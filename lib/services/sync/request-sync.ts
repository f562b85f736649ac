import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getOrganizationById } from "@/db/queries/organizations";
import type { SyncRun } from "@/db/schema";
import { dayKeySchema, diffDays, getLocalDayBounds, type DayKey } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { parseFormInOnePass } from "@/lib/one-pass-form";
import { assertAdmin, type AdminContext } from "@/lib/services/dialpad-connection/context";
import type { SyncRunOptions } from "./execute-sync-run";
import { launchSyncRun } from "./launch-sync-run";
import { createSyncRun, prepareNextRun } from "./plan-run";

export interface RequestOptions {
  now?: number;
  runOptions?: SyncRunOptions;
  /** Tests run the returned run themselves. */
  launch?: boolean;
}

const busy = () => new AppError("CONFLICT", "A sync is already running. Wait for it to finish, then try again.");

async function requireConnected(db: Db, organizationId: number): Promise<void> {
  const connection = await getDialpadConnection(db, organizationId);
  if (connection?.status !== "connected") {
    throw new AppError("DIALPAD_DISCONNECTED", "Dialpad is not connected. Connect or reconnect it first.");
  }
}

/** "Sync now": continues an unfinished backfill or re-sync, else reads what changed since the last sync. */
export async function requestSyncNow(db: Db, admin: AdminContext, options: RequestOptions = {}): Promise<SyncRun> {
  assertAdmin(admin);
  await requireConnected(db, admin.organizationId);
  const next = await prepareNextRun(db, admin.organizationId, { trigger: "admin", now: options.now ?? Date.now() });
  if (!("run" in next)) throw busy();
  if (options.launch ?? true) launchSyncRun(db, { organizationId: admin.organizationId, runId: next.run.id }, options.runOptions);
  return next.run;
}

export const maxResyncDays = 366;

export const resyncRangeSchema = z
  .object({ from: dayKeySchema, to: dayKeySchema })
  .refine((range) => range.from <= range.to, { message: "The end date must be on or after the start date.", path: ["to"] })
  .refine((range) => range.from > range.to || diffDays(range.from, range.to) < maxResyncDays, {
    message: `Choose at most ${maxResyncDays} days.`,
    path: ["to"],
  });
export type ResyncRange = z.infer<typeof resyncRangeSchema>;

/**
 * "Re-sync a date range": reads the organization's local days from..to again, whatever was stored before.
 * `form` is the form as submitted: a start in the future is reported together with the range's own problems.
 */
export async function requestResync(db: Db, admin: AdminContext, form: Record<string, unknown>, options: RequestOptions = {}): Promise<SyncRun> {
  assertAdmin(admin);
  await requireConnected(db, admin.organizationId);
  const organization = await getOrganizationById(db, admin.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  const now = options.now ?? Date.now();
  const startOf = (day: DayKey) => getLocalDayBounds(day, organization.timezone, organization.dayStartHour).start;
  const futureStart = { from: ["Choose a start date that is not in the future."] };
  const range = await parseFormInOnePass(resyncRangeSchema, form, async (validField) => {
    const from = validField("from");
    return from !== undefined && startOf(from) >= now ? futureStart : {};
  });
  const rangeStart = startOf(range.from);
  const rangeEnd = Math.min(now, getLocalDayBounds(range.to, organization.timezone, organization.dayStartHour).end);
  if (rangeStart >= now) throw new AppError("VALIDATION", "That range is in the future.", futureStart);
  const run = await createSyncRun(db, admin.organizationId, { kind: "resync", trigger: "admin", rangeStart, rangeEnd, now });
  if (!run) throw busy();
  if (options.launch ?? true) launchSyncRun(db, { organizationId: admin.organizationId, runId: run.id }, options.runOptions);
  return run;
}
