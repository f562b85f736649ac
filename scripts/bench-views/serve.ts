// `next start` on a bench database: a build of the last commit (or --commit's) (git archive HEAD into a temporary
// folder beside hard links of node_modules, built there once per commit), so neither uncommitted edits in the working tree nor the
// end-to-end runner's .next/ change what is measured; on a free port, with the scheduler off so
// nothing but the measured requests runs.
import { randomBytes } from "node:crypto";
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startNextInstance, waitForHttp } from "../load-test/processes";

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The folder holding a built copy of the last commit, built now if need be. */
export function prepareBuild(revision = "HEAD"): { appDir: string; commit: string } {
  const root = process.cwd();
  const commit = execSync(`git rev-parse --short ${JSON.stringify(revision)}`, { encoding: "utf8" }).trim();
  const appDir = path.join(os.tmpdir(), "daymark-bench-views", commit);
  if (!fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    fs.rmSync(appDir, { recursive: true, force: true });
    fs.mkdirSync(appDir, { recursive: true });
    execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(appDir)}`, { stdio: "inherit", shell: "/bin/sh" });
    // Hard links, not a symlink: Turbopack refuses a node_modules outside the project's root.
    execSync(`cp -al ${JSON.stringify(path.join(root, "node_modules"))} ${JSON.stringify(appDir)}/`, { stdio: "inherit" });
    console.log(`  next build of ${commit} in ${appDir}…`);
    const result = spawnSync("npx", ["next", "build"], { cwd: appDir, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) throw new Error(`next build of ${commit} failed`);
  }
  return { appDir, commit };
}

export async function startApp(appDir: string, databaseUrl: string, logDir: string): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env, NODE_ENV: "production" as const, DATABASE_URL: databaseUrl, APP_URL: baseUrl, NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"), DAYMARK_DISABLE_SCHEDULER: "1",
  };
  const app = startNextInstance("next-start", appDir, port, env, logDir);
  await waitForHttp(`${baseUrl}/api/health`, 180_000, app.child);
  return { baseUrl, stop: () => app.stop(20_000) };
}

/** Signs in through next-auth's credentials endpoint as the login form does; returns the Cookie header. */
export async function signIn(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, ...account, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: header() } })).json()) as { userId?: number };
  if (typeof session.userId !== "number") throw new Error(`Signing in as ${account.email} failed (${response.status}).`);
  return header();
}
