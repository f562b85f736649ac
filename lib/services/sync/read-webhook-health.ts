import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getOrganizationById } from "@/db/queries/organizations";
import { getLatestSyncRun, getLatestWebhookEventAt, getSyncMarks } from "@/db/queries/sync";
import { parseWorkWeek } from "@/lib/services/scores/scoring-context";
import { assessWebhookHealth, type WebhookHealth } from "./webhook-health";

/** Gathers the signals of assessWebhookHealth for an organization. */
export async function readWebhookHealth(
  db: Db,
  organizationId: number,
  options: { now: number; fullWindowMs: number; since: number | null },
): Promise<WebhookHealth> {
  const [connection, organization, marks, lastEventAt, lastIncremental] = await Promise.all([
    getDialpadConnection(db, organizationId),
    getOrganizationById(db, organizationId),
    getSyncMarks(db, organizationId),
    getLatestWebhookEventAt(db, organizationId),
    getLatestSyncRun(db, organizationId, ["incremental"], options.since),
  ]);
  if (!connection || !organization) return { isHealthy: false, reason: "not connected" };
  const wasShortRead = lastIncremental !== undefined && lastIncremental.rangeEnd - lastIncremental.rangeStart < options.fullWindowMs;
  return assessWebhookHealth({
    now: options.now,
    isRegistered: Boolean(connection.webhookId && connection.subscriptionId),
    lastEventAt,
    connectedAt: connection.connectedAt,
    lastDeliveryErrorAt: marks.webhookFailedAt,
    hasShortReadFoundMissedCalls: wasShortRead && lastIncremental.status === "succeeded" && lastIncremental.callsAdded > 0,
    timeZone: organization.timezone,
    workWeek: parseWorkWeek(organization.workWeek),
  });
}
