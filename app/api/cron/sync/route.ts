import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { runSyncTick } from "@/lib/services/sync/run-sync-tick";

// Vercel stops the function here; a run cut short resumes from its checkpoint on the next call.
export const maxDuration = 300;

// GET /api/cron/sync: the scheduler for serverless deploys (Vercel Cron sends Bearer CRON_SECRET):
// sweeps the webhook inbox, then starts or resumes each organization's due sync and waits for it.
export async function GET(request: Request): Promise<Response> {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return Response.json({ error: "CRON_SECRET is not configured." }, { status: 503 });
  if (!isBearer(request.headers.get("authorization"), secret)) return Response.json({ error: "Unauthorized." }, { status: 401 });
  const summary = await runSyncTick(getDb(), { awaitRuns: true });
  return Response.json(summary);
}

function isBearer(header: string | null, secret: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${secret}`));
}
