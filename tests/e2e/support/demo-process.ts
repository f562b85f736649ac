import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// Runs `npm run demo`'s own command (tsx scripts/demo.ts) as a user would, with its terminal output in a
// file, and stops it as Ctrl+C's sibling SIGTERM does, waiting for every process it started to be gone.

export interface RunningDemo {
  process: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function startDemo(options: { dataDir: string; logFile: string; appPort: number; emulatorPort: number }): RunningDemo {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_DATA_DIR: options.dataDir,
    DEMO_REUSE_BUILD: "1",
    PORT: String(options.appPort),
    EMULATOR_PORT: String(options.emulatorPort),
  };
  // scripts/e2e.ts points DATABASE_URL at the suite's app; the demo keeps its database in its data directory.
  delete env.DATABASE_URL;
  // stdout and stderr share one file, in the order a terminal would show them.
  const output = fs.openSync(options.logFile, "w");
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/demo.ts"], { env, stdio: ["ignore", output, output], detached: true });
  fs.closeSync(output);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, logFile: options.logFile, exited };
}

export function readOutput(demo: RunningDemo): string {
  return fs.readFileSync(demo.logFile, "utf8");
}

/** Waits until the output contains `text`; fails early, with the output, if the demo stops first. */
export async function waitForOutput(demo: RunningDemo, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!readOutput(demo).includes(text)) {
    if (demo.process.exitCode !== null) throw new Error(`The demo stopped (exit code ${demo.process.exitCode}):\n${readOutput(demo)}`);
    if (Date.now() > deadline) throw new Error(`No "${text}" within ${timeoutMs / 1000}s:\n${readOutput(demo)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Every process on the machine with its parent, from `ps` (the same flags on Linux and macOS). */
function listProcesses(): { pid: number; ppid: number; isZombie: boolean }[] {
  return execFileSync("ps", ["-A", "-o", "pid=,ppid=,stat="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, stat]) => ({ pid: Number(pid), ppid: Number(ppid), isZombie: stat?.startsWith("Z") ?? false }));
}

/** Every live descendant of `pid` (children in other process groups included). */
export function descendantsOf(pid: number): number[] {
  const processes = listProcesses();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const { pid: child, ppid } of processes) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** The pids still running: a zombie has exited (it only waits for its parent to read its status). */
function filterRunning(pids: readonly number[]): number[] {
  const running = new Set(listProcesses().filter((entry) => !entry.isZombie).map((entry) => entry.pid));
  return pids.filter((pid) => running.has(pid));
}

/** SIGTERM to the demo alone, then waits for it and every process under it to exit; returns its exit code. */
export async function stopDemo(demo: RunningDemo, timeoutMs: number): Promise<{ exitCode: number | null; stillRunning: number[] }> {
  const tree = [demo.process.pid!, ...descendantsOf(demo.process.pid!)];
  demo.process.kill("SIGTERM");
  const exitCode = await demo.exited;
  const deadline = Date.now() + timeoutMs;
  let stillRunning = filterRunning(tree);
  while (stillRunning.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stillRunning = filterRunning(tree);
  }
  return { exitCode, stillRunning };
}

/** After a failed test: nothing the demo started may outlive it. */
export function killDemo(demo: RunningDemo): void {
  for (const pid of [demo.process.pid!, ...descendantsOf(demo.process.pid!)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
