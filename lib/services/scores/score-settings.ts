// Admin settings: weights (0–5) and default targets per role, and the rescoring they cause.
import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { listEmployees } from "@/db/queries/employees";
import { deleteScoreSetting, listScoreSettings, upsertScoreSetting } from "@/db/queries/scores";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { changedFields } from "@/lib/services/audit/changed-fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { scheduleScoreDrain } from "./schedule-score-drain";
import { queueRoleRescore } from "./queue-recompute";
import { DEFAULT_ROLE, getRoleKey, getRoleLabel, resolveRoleSettings, type RoleSettings } from "./scoring-context";

const weightSchema = z.coerce.number("Enter a whole number from 0 to 5.").int("Enter a whole number from 0 to 5.")
  .min(0, "Enter a whole number from 0 to 5.").max(5, "Enter a whole number from 0 to 5.");

export const scoreSettingsInputSchema = z.object({
  role: z.string().trim().max(120),
  talkTimeWeight: weightSchema,
  connectedCallsWeight: weightSchema,
  talkTimeTargetMinutes: z.coerce.number("Enter minutes from 1 to 1440.").int("Enter whole minutes.")
    .min(1, "Enter minutes from 1 to 1440.").max(1440, "Enter minutes from 1 to 1440."),
  connectedCallsTarget: z.coerce.number("Enter calls from 1 to 1000.").int("Enter a whole number of calls.")
    .min(1, "Enter calls from 1 to 1000.").max(1000, "Enter calls from 1 to 1000."),
});
export type ScoreSettingsInput = z.output<typeof scoreSettingsInputSchema>;

const scoreSettingKeys = ["talkTimeWeight", "connectedCallsWeight", "defaultTalkTimeTargetMs", "defaultConnectedCallsTarget"] as const;

export interface RoleSettingsView extends RoleSettings {
  label: string;
  employeeCount: number;
}

/** Admins only: the default role first, then every role in use or configured, by name. */
export async function listRoleScoreSettings(db: Db, viewer: Viewer): Promise<RoleSettingsView[]> {
  assertRole(viewer, ["admin"]);
  const rows = await listScoreSettings(db, viewer.organizationId);
  const counts = new Map<string, number>([[DEFAULT_ROLE, 0]]);
  for (const row of rows) counts.set(row.role, counts.get(row.role) ?? 0);
  for (const employee of await listEmployees(db, viewer.organizationId)) {
    const role = getRoleKey(employee.title);
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((role) => ({ ...resolveRoleSettings(rows, role), label: getRoleLabel(role), employeeCount: counts.get(role)! }));
}

/**
 * Admins only. Saving the default role also rescores every role that follows it. The rescoring is
 * queued in the transaction that saves the settings and runs in the background.
 */
export async function updateScoreSettings(db: Db, viewer: Viewer, input: ScoreSettingsInput): Promise<void> {
  assertRole(viewer, ["admin"]);
  const values = {
    talkTimeWeight: input.talkTimeWeight,
    connectedCallsWeight: input.connectedCallsWeight,
    defaultTalkTimeTargetMs: input.talkTimeTargetMinutes * 60_000,
    defaultConnectedCallsTarget: input.connectedCallsTarget,
    updatedAt: Date.now(),
  };
  const { organizationId } = viewer;
  await withTransaction(db, async (tx) => {
    const before = (await listScoreSettings(tx, organizationId)).find((row) => row.role === input.role);
    await upsertScoreSetting(tx, { organizationId, role: input.role }, values);
    await queueRoleRescore(tx, organizationId, input.role === DEFAULT_ROLE ? null : [input.role]);
    await recordAuditEvent(tx, {
      organizationId,
      actor: viewer,
      action: "scores.settings_changed",
      target: { type: "score_role", id: input.role },
      summary: `Changed score settings for ${getRoleLabel(input.role)}`,
      details: changedFields(before, values, scoreSettingKeys),
      at: values.updatedAt,
    });
  });
  scheduleScoreDrain(db, organizationId);
}

/** Admins only: the role goes back to the default role's settings. */
export async function resetRoleScoreSettings(db: Db, viewer: Viewer, role: string): Promise<void> {
  assertRole(viewer, ["admin"]);
  if (role === DEFAULT_ROLE) throw new AppError("VALIDATION", "The default role can't be reset; change its values instead.");
  const { organizationId } = viewer;
  await withTransaction(db, async (tx) => {
    await deleteScoreSetting(tx, { organizationId, role });
    await queueRoleRescore(tx, organizationId, [role]);
    await recordAuditEvent(tx, {
      organizationId,
      actor: viewer,
      action: "scores.settings_changed",
      target: { type: "score_role", id: role },
      summary: `Reset score settings for ${getRoleLabel(role)} to the default role's`,
    });
  });
  scheduleScoreDrain(db, organizationId);
}
