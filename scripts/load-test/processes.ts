// Child processes of the many-instance checks: `next start` instances, `npm run worker` processes and
// their logs. Every child is started by this run and stopped by its pid, never by name.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { acquireE2eLock, e2eLockDir } from "../e2e-lock";

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Interrupted (Ctrl-C, `timeout`): stop this run's children by pid before leaving.
const children = new Set<ChildProcess>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(130);
  });
}

/** Stops `child` too if this run is interrupted (children this module did not spawn, such as emulators). */
export function stopOnInterrupt(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

export function spawnLogged(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, cwd = process.cwd()): RunningProcess {
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => children.delete(child));
  return {
    name,
    child,
    logFile,
    stop: async (graceMs = 40_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: its process exited with ${child.exitCode}`);
    const ok = await fetch(url).then((response) => response.status < 500, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * A private copy of the current build (.next) beside links to everything else in the project, so
 * another run's `next build` cannot replace the files these instances serve. The copy is taken under
 * the end-to-end lock, which `scripts/e2e.ts` holds while it builds.
 */
export async function snapshotBuild(root: string, into: string): Promise<string> {
  const buildId = (dir: string) => fs.readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  const hasSnapshot = fs.existsSync(path.join(into, ".next", "BUILD_ID"));
  // No BUILD_ID: a build is writing .next right now; the snapshot taken earlier serves meanwhile.
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    if (hasSnapshot) return buildId(into);
    throw new Error("No build in .next: run `npx next build` first.");
  }
  if (hasSnapshot && buildId(into) === buildId(root)) return buildId(into);
  // An end-to-end run holds the lock for many minutes; the earlier snapshot serves rather than waiting.
  if (hasSnapshot && fs.existsSync(e2eLockDir(3100))) {
    console.log(`The build in .next changed, but an end-to-end run holds its lock: serving the earlier snapshot ${buildId(into)}.`);
    return buildId(into);
  }
  const release = await acquireE2eLock(3100);
  try {
    fs.rmSync(into, { recursive: true, force: true });
    fs.mkdirSync(into, { recursive: true });
    for (const entry of fs.readdirSync(root)) {
      if (entry === ".next" || entry === ".git") continue;
      fs.symlinkSync(path.join(root, entry), path.join(into, entry));
    }
    fs.cpSync(path.join(root, ".next"), path.join(into, ".next"), { recursive: true });
    return buildId(into);
  } finally {
    release();
  }
}

export function startNextInstance(name: string, appDir: string, port: number, env: NodeJS.ProcessEnv, logDir: string): RunningProcess {
  const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
  return spawnLogged(name, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port), appDir], env, logDir, appDir);
}

export function startWorker(name: string, env: NodeJS.ProcessEnv, logDir: string): RunningProcess {
  return spawnLogged(name, ["--import", "tsx", path.resolve("scripts/worker.ts")], env, logDir);
}
