// bench:webhooks: the server under test in its own process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, spawnLogged, startNextInstance, waitForHttp, type RunningProcess } from "../load-test/processes";

export interface ServerUnderTest {
  url: string;
  /** CPU seconds the server process (and its waited-for children) used so far, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startServer(kind: "next" | "next-listener" | "route" | "listener", env: NodeJS.ProcessEnv, logDir: string): Promise<ServerUnderTest> {
  const port = await freePort();
  let url = `http://127.0.0.1:${port}`;
  let server: RunningProcess;
  if (kind === "next" || kind === "next-listener") {
    const appDir = path.join(os.tmpdir(), "daymark-bench-webhooks", "app");
    // BENCH_BUILD_ROOT: another folder holding a build (.next) of this project, when the tree's own is being rebuilt.
    const buildId = copyBuild(process.env.BENCH_BUILD_ROOT ?? process.cwd(), appDir);
    console.log(`next start: build ${buildId}`);
    // No scheduler: it would try to sync the bench organization with a Dialpad that is not there, and
    // registering its webhook again would replace the token and secret the events are signed for.
    // next-listener: the same `next start` with DAYMARK_WEBHOOK_PORT, the events posted to that port.
    const webhookPort = kind === "next-listener" ? String(await freePort()) : undefined;
    server = startNextInstance("next", appDir, port, { ...env, APP_URL: url, DAYMARK_DISABLE_SCHEDULER: "1", DAYMARK_WEBHOOK_PORT: webhookPort }, logDir);
    await waitForHttp(`${url}/api/health`, 180_000, server.child);
    if (webhookPort) {
      url = `http://127.0.0.1:${webhookPort}`;
      await waitForHttp(`${url}/api/webhooks/dialpad`, 60_000, server.child);
    }
  } else {
    // BENCH_CPU_PROF=1 writes a .cpuprofile of the server into the log folder.
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${logDir}`] : [];
    const script = path.resolve(`scripts/bench-webhooks/${kind}-server.ts`);
    server = spawnLogged(kind, [...profile, "--import", "tsx", script], { ...env, PORT: String(port) }, logDir);
    await waitForHttp(`${url}/api/webhooks/dialpad`, 60_000, server.child);
  }
  const pid = server.child.pid!;
  return { url, cpuSeconds: () => readCpuSeconds(pid), stop: () => server.stop(30_000) };
}

function readCpuSeconds(pid: number): number {
  // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are the 12th-15th, in clock ticks (100 a second).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
}

/**
 * A private copy of the current build beside links to the rest of the project (as load:test's
 * snapshotBuild, without waiting for the end-to-end lock, which queued runs hold for many minutes):
 * the copy counts only if BUILD_ID is the same before and after it, so no build replaced .next meanwhile.
 */
function copyBuild(root: string, into: string): string {
  const buildId = (dir: string) => fs.readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No build in .next: run `npx next build` first, or use --server route.");
  const before = buildId(root);
  if (fs.existsSync(path.join(into, ".next", "BUILD_ID")) && buildId(into) === before) return before;
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  for (const entry of fs.readdirSync(root)) {
    if (entry !== ".next" && entry !== ".git") fs.symlinkSync(path.join(root, entry), path.join(into, entry));
  }
  fs.cpSync(path.join(root, ".next"), path.join(into, ".next"), { recursive: true, filter: (source) => !source.includes(`${path.sep}.next${path.sep}cache`) });
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || buildId(root) !== before || buildId(into) !== before) {
    fs.rmSync(into, { recursive: true, force: true });
    throw new Error("A build replaced .next while it was copied: run again.");
  }
  return before;
}
