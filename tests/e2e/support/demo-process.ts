import { spawn, type ChildProcess } from "node:child_process";
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

/** Every live descendant of `pid` (children in other process groups included), from /proc. */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after its last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while listing
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    // A zombie still answers signal 0; only a process that has not exited counts.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** SIGTERM to the demo alone, then waits for it and every process under it to exit; returns its exit code. */
export async function stopDemo(demo: RunningDemo, timeoutMs: number): Promise<{ exitCode: number | null; stillRunning: number[] }> {
  const tree = [demo.process.pid!, ...descendantsOf(demo.process.pid!)];
  demo.process.kill("SIGTERM");
  const exitCode = await demo.exited;
  const deadline = Date.now() + timeoutMs;
  let stillRunning = tree.filter(isRunning);
  while (stillRunning.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stillRunning = tree.filter(isRunning);
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
