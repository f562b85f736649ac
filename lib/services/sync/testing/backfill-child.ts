// Runs one sync run in its own process, for the crash test: SIGKILL it mid-run, start it again.
// Input from the environment: DATABASE_URL (the test's database, a SQLite file or postgres:// URL), SYNC_CHILD_ORGANIZATION_ID,
// SYNC_CHILD_RUN_ID, SYNC_CHILD_LEASE_MS, SYNC_CHILD_PAGE_SIZE, SYNC_CHILD_COMMIT_ROWS, and SYNC_CHILD_CLOCK_AHEAD_MS: this process's clock
// runs that far ahead, so it sees a dead process's lease as lapsed without the test sleeping it out.
import { closeDatabase, openDatabase } from "@/db/client";
import { executeSyncRun } from "@/lib/services/sync/execute-sync-run";

async function main(): Promise<void> {
  const db = openDatabase(process.env.DATABASE_URL ?? "");
  const clockAheadMs = Number(process.env.SYNC_CHILD_CLOCK_AHEAD_MS ?? 0);
  const run = await executeSyncRun(db, {
    organizationId: Number(process.env.SYNC_CHILD_ORGANIZATION_ID),
    runId: Number(process.env.SYNC_CHILD_RUN_ID),
  }, {
    leaseMs: Number(process.env.SYNC_CHILD_LEASE_MS ?? 60_000),
    pageSize: Number(process.env.SYNC_CHILD_PAGE_SIZE ?? 100),
    commitRows: Number(process.env.SYNC_CHILD_COMMIT_ROWS ?? 500),
    refreshUsers: false,
    now: () => Date.now() + clockAheadMs,
  });
  process.stdout.write(`done ${run?.status ?? "not claimed"}\n`);
  await closeDatabase(db);
  process.exitCode = run?.status === "succeeded" ? 0 : 2;
}

void main();
