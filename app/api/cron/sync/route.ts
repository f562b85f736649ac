import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { runCronPass } from "@/lib/services/sync/run-cron-pass";

// Vercel stops the function here (vercel.json says the same); a run cut short resumes from its
// checkpoint on the next call. No job starts after 200 s, and the response leaves by 270 s.
export const maxDuration = 300;
const startWithinMs = 200_000;
const returnWithinMs = 270_000;

// GET /api/cron/sync: the scheduler for serverless deploys (Vercel Cron sends Bearer CRON_SECRET):
// sweeps the webhook inbox, queues each organization's due sync and works the due jobs for a bounded time.
export async function GET(request: Request): Promise<Response> {
  const startedAt = Date.now();
  const secret = getEnv().CRON_SECRET;
  if (!secret) return Response.json({ error: "CRON_SECRET is not configured." }, { status: 503 });
  if (!isBearer(request.headers.get("authorization"), secret)) return Response.json({ error: "Unauthorized." }, { status: 401 });
  const summary = await runCronPass(getDb(), { startUntil: startedAt + startWithinMs, returnBy: startedAt + returnWithinMs });
  return Response.json(summary);
}

function isBearer(header: string | null, secret: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${secret}`));
}
