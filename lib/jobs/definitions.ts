// The background jobs Daymark runs, their payloads and queue policies (lib/jobs/README.md).
import { z } from "@/lib/zod";
import type { QueueSpec } from "@/db/jobs/job-queue";

const organizationPayload = z.object({ organizationId: z.number().int().positive() });

export const jobPayloadSchemas = {
  /** Reads one sync run (backfill, incremental, re-sync) to its end, resuming from its checkpoint. */
  "sync-run": organizationPayload.extend({ runId: z.number().int().positive() }),
  /** Applies the organization's unprocessed webhook events. */
  "webhook-inbox": organizationPayload,
  /** Drains the organization's score queue (the work triggers on calls queued). */
  "score-drain": organizationPayload,
  /** The scheduler's pass: sweep the webhook inbox, queue each organization's due sync. */
  "sync-tick": z.object({}),
  /** The daily privacy retention pass: deletes old call legs, daily scores and view-log entries. */
  "privacy-retention": organizationPayload,
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloadSchemas)[N]>;
export const jobNames = Object.keys(jobPayloadSchemas) as JobName[];

/** Score drains wait for a quiet second (at most 15 s) so a backfill's pages share one drain; tests set 0. */
export const scoreDrainTiming = { quietMs: 1_000, maxWaitMs: 15_000 };

interface JobDefinition extends QueueSpec {
  /** Jobs of one organization that run one at a time on PostgreSQL (a live one blocks a new one). */
  isExclusive: boolean;
  /** Handlers per worker process working this queue at the same time. */
  concurrency: number;
}

const minute = 60;

export const jobDefinitions: Record<JobName, JobDefinition> = {
  // A run stores a checkpoint with every batch, so a retry after a crash resumes; an hour covers a large
  // backfill, and a run whose process died is retried sooner by the tick (its sync lease lapses in a minute).
  "sync-run": { name: "sync-run", policy: "stately", isExclusive: true, retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 60 * minute, concurrency: 4 },
  "webhook-inbox": { name: "webhook-inbox", policy: "short", isExclusive: false, retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 10 * minute, concurrency: 2 },
  "score-drain": { name: "score-drain", policy: "short", isExclusive: false, retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 30 * minute, concurrency: 2 },
  "sync-tick": { name: "sync-tick", policy: "stately", isExclusive: true, retryLimit: 0, retryDelaySeconds: 10, expireInSeconds: 10 * minute, concurrency: 1 },
  // Batched deletes that a retry simply continues.
  "privacy-retention": { name: "privacy-retention", policy: "stately", isExclusive: false, retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 60 * minute, concurrency: 1 },
};

export const queueSpecs: QueueSpec[] = jobNames.map((name) => {
  const { policy, retryLimit, retryDelaySeconds, expireInSeconds } = jobDefinitions[name];
  return { name, policy, retryLimit, retryDelaySeconds, expireInSeconds };
});

/** One queued job per organization (and per queue); the tick has one key for the whole deployment. */
export function singletonKeyOf(name: JobName, payload: object): string {
  return "organizationId" in payload ? `organization:${String(payload.organizationId)}` : name;
}

/** True where jobs go through pg-boss and need a worker (or the cron route) to run. */
export function isQueueBacked(db: { $engine: string }): boolean {
  return db.$engine === "postgres";
}
