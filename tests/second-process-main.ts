// The second process of tests/second-process.ts: "ready" once loaded, waits for a line on stdin, runs
// the task and prints "result <json>".
import { closeDatabase, openDatabase, type Db } from "@/db/client";

type Task = (db: Db, args: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const db = openDatabase(process.env.DATABASE_URL ?? "");
  const exported = (await import(process.env.SECOND_PROCESS_MODULE ?? "")) as Record<string, Task>;
  const task = exported[process.env.SECOND_PROCESS_EXPORT ?? ""];
  if (!task) throw new Error(`No export ${process.env.SECOND_PROCESS_EXPORT} in ${process.env.SECOND_PROCESS_MODULE}`);
  process.stdout.write("ready\n");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  try {
    const value = await task(db, JSON.parse(process.env.SECOND_PROCESS_ARGS ?? "null"));
    process.stdout.write(`result ${JSON.stringify({ ok: true, value })}\n`);
  } catch (error) {
    process.stdout.write(`result ${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
  } finally {
    await closeDatabase(db);
  }
}

void main();
