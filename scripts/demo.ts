import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defaultDatabaseUrl, describeDatabase, parseDatabaseUrl } from "@/db/engine";
import { describeLogins } from "./demo-logins";
import { runChild, startChild, stopChildren, stopChildrenOnExit } from "./demo-processes";

// `npm run demo`: migrate, start the Dialpad emulator, seed a demo organization matching its users
// (first run only), build, and serve the app on http://localhost:3000. DATABASE_URL picks the database
// as everywhere else: the SQLite file ./data/daymark.db by default, or a postgres:// server.
// DEMO_DATA_DIR moves data/ (secrets, logins, emulator state, default database) elsewhere, and
// DEMO_REUSE_BUILD=1 serves an existing .next build: both for tests/e2e/demo-restart.spec.ts.

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);
const appUrl = `http://localhost:${appPort}`;
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const dataDir = path.resolve(process.env.DEMO_DATA_DIR || "data");
const secretsFile = path.join(dataDir, "demo-secrets.json");
// The emulator's grants and webhooks live here, so the Dialpad connection survives a restart of the demo.
const emulatorStateFile = path.resolve(process.env.DEMO_EMULATOR_STATE_FILE ?? path.join(dataDir, "emulator-state.json"));
const databaseUrl = process.env.DATABASE_URL || (process.env.DEMO_DATA_DIR ? path.join(dataDir, "daymark.db") : defaultDatabaseUrl);

interface DemoSecrets {
  nextAuthSecret: string;
  tokenKey: string;
  cronSecret: string;
  password: string;
}

function loadOrCreateSecrets(): DemoSecrets {
  if (fs.existsSync(secretsFile)) return JSON.parse(fs.readFileSync(secretsFile, "utf8")) as DemoSecrets;
  const secrets: DemoSecrets = {
    nextAuthSecret: randomBytes(32).toString("base64url"),
    tokenKey: randomBytes(32).toString("base64"),
    cronSecret: randomBytes(16).toString("base64url"),
    password: `demo-${randomBytes(6).toString("base64url")}`,
  };
  fs.mkdirSync(path.dirname(secretsFile), { recursive: true });
  fs.writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

const secrets = loadOrCreateSecrets();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  APP_URL: appUrl,
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: secrets.nextAuthSecret,
  DIALPAD_BASE_URL: emulatorUrl,
  DIALPAD_CLIENT_ID: "daymark-dev",
  DIALPAD_CLIENT_SECRET: "daymark-dev-secret",
  TOKEN_KEYS: `demo:${secrets.tokenKey}`,
  TOKEN_KEY_ACTIVE: "demo",
  CRON_SECRET: secrets.cronSecret,
  EMULATOR_PORT: String(emulatorPort),
  EMULATOR_DOMAIN: process.env.EMULATOR_DOMAIN ?? "acme.test",
  EMULATOR_COMPANY_NAME: process.env.EMULATOR_COMPANY_NAME ?? "Acme Inc",
  EMULATOR_CLIENT_ID: "daymark-dev",
  EMULATOR_CLIENT_SECRET: "daymark-dev-secret",
  EMULATOR_REDIRECT_URIS: `${appUrl}/api/integrations/dialpad/callback`,
  EMULATOR_EXTRA_COMPANIES: process.env.EMULATOR_EXTRA_COMPANIES ?? "globex.test:4",
  EMULATOR_STATE_FILE: emulatorStateFile,
};
Object.assign(process.env, env);

// A signal to this process alone (not to the terminal's whole group) still stops every child's tree.
stopChildrenOnExit();
function stopAll(code: number): never {
  stopChildren();
  process.exit(code);
}

// Asynchronous, so a signal during `next build` is handled at once rather than after the build.
async function runOrExit(command: string, args: string[]): Promise<void> {
  const code = await runChild(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (code !== 0) stopAll(code);
}

function start(name: string, command: string, args: string[]): ChildProcess {
  const child = startChild(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  child.on("exit", (code) => {
    console.error(`${name} stopped (exit code ${code}); stopping the demo.`);
    stopAll(code ?? 1);
  });
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function main(): Promise<void> {
  const database = describeDatabase(parseDatabaseUrl(env.DATABASE_URL!));
  const { seedDemoIfEmpty } = await import("./demo-seed");
  await runOrExit("npx", ["tsx", "scripts/migrate.ts"]);
  start("Dialpad emulator", "npx", ["tsx", "emulator/main.ts"]);
  await waitFor(`${emulatorUrl}/__admin/health`, 60_000);
  const logins = await seedDemoIfEmpty(emulatorUrl, secrets.password);

  if (process.env.DEMO_REUSE_BUILD === "1" && fs.existsSync(".next/BUILD_ID")) {
    console.log("Serving the existing build (DEMO_REUSE_BUILD=1).");
  } else {
    console.log("Building the app (next build)…");
    await runOrExit("npx", ["next", "build"]);
  }
  start("Daymark", "npx", ["next", "start", "-p", String(appPort)]);
  await waitFor(`${appUrl}/api/health`, 120_000);

  // Last, after the build's and the servers' own output, so the logins are what the terminal ends with.
  console.log(describeLogins({ logins, database, appUrl, emulatorUrl, emulatorStateFile: path.relative(process.cwd(), emulatorStateFile) }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
