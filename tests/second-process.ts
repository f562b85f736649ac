// A second process writing to a test database at the same time as the test: on SQLite, connections in
// one process take turns (withTransaction queues them per file), so only another process contends for
// the file's write lock; on PostgreSQL it is one more set of connections.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type SecondProcess<T> = {
  /** Tells the process to start its task; resolves to what the task returned. */
  run: () => Promise<T>;
};

/**
 * Starts a process that opens `databaseUrl`, imports `modulePath` (from the repository root) and,
 * once `run()` is called, calls its export `exportName(db, args)` and hands back the JSON result.
 * Resolves once the process is ready, so the caller can start its own work at the same moment.
 */
export async function startSecondProcess<T>(databaseUrl: string, modulePath: string, exportName: string, args: unknown): Promise<SecondProcess<T>> {
  // node itself with tsx as a loader, as lib/services/sync/sync-crash.test.ts does.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/second-process-main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SECOND_PROCESS_MODULE: path.resolve(modulePath),
      SECOND_PROCESS_EXPORT: exportName,
      SECOND_PROCESS_ARGS: JSON.stringify(args),
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The second process exited with code ${code} before it answered.`))),
  );
  exited.catch(() => undefined); // After its answer the process exits normally: nobody waits for that.
  const nextLine = (prefix: string) =>
    Promise.race([
      new Promise<string>((resolve) => {
        const onLine = (line: string) => {
          if (!line.startsWith(prefix)) return;
          lines.off("line", onLine);
          resolve(line.slice(prefix.length));
        };
        lines.on("line", onLine);
      }),
      exited,
    ]);
  await nextLine("ready");
  return {
    run: async () => {
      const answer = nextLine("result ");
      child.stdin!.end("go\n");
      const { ok, value, error } = JSON.parse(await answer) as { ok: boolean; value: T; error: string };
      if (!ok) throw new Error(`The second process failed: ${error}`);
      return value;
    },
  };
}
