import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

// The demo's children (`npx next start` → next-server, `npx tsx emulator/main.ts` → node) each start
// their own process group, so stopping the demo stops the whole tree, not only the npx at its top.

const running = new Set<ChildProcess>();

/** Starts a long-running child in its own process group; the demo stops it on exit. */
export function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

/** Runs a child to completion in its own process group; resolves with its exit code. */
export function runChild(command: string, args: string[], options: SpawnOptions): Promise<number> {
  const child = startChild(command, args, options);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Sends SIGTERM to every child's process group. Synchronous, so it also works from an "exit" handler. */
export function stopChildren(): void {
  for (const child of running) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // the group is already gone
    }
  }
  running.clear();
}

/** Stops the children when this process ends for any reason, and exits on SIGINT/SIGTERM/SIGHUP. */
export function stopChildrenOnExit(): void {
  process.on("exit", stopChildren);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      stopChildren();
      process.exit(0);
    });
  }
}
