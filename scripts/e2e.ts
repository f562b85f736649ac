// npm run test:e2e: builds once, then runs the whole Playwright suite on SQLite and the core flows
// (first run, connect, sync, team day, employee day, call modal) against a PostgreSQL-backed app.
// DAYMARK_E2E_ENGINES=sqlite (or postgres) runs one pass; arguments go to Playwright. The test process
// gets the same DATABASE_URL as the app, so specs that arrange data open the same engine's tables.
import { spawnSync } from "node:child_process";
import { startTestPostgres, type RunningPostgres } from "../tests/db/test-postgres";
import { databaseUrl } from "../tests/db/postgres-server";
import { e2ePorts } from "../tests/e2e/env";
import { acquireE2eLock } from "./e2e-lock";
import { chromiumInstallHint, findChromium } from "./find-chromium";

const postgresCoreFlows = ["tests/e2e/connect-dialpad.spec.ts", "tests/e2e/sync.spec.ts", "tests/e2e/views.spec.ts"];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

async function main(): Promise<number> {
  const chromium = findChromium();
  if (!chromium) {
    console.error(chromiumInstallHint);
    return 1;
  }
  const engines = (process.env.DAYMARK_E2E_ENGINES ?? "sqlite,postgres").split(",").map((e) => e.trim());
  const playwrightArgs = process.argv.slice(2);
  await acquireE2eLock(e2ePorts.app);
  if (run("npx", ["next", "build"]) !== 0) return 1;
  const env = { ...process.env, CHROMIUM_PATH: chromium };

  if (engines.includes("sqlite")) {
    console.log("\nEnd-to-end tests on SQLite (.e2e/app.db)");
    const status = run("npx", ["playwright", "test", ...playwrightArgs], { ...env, DAYMARK_E2E_DATABASE_URL: ".e2e/app.db", DATABASE_URL: ".e2e/app.db" });
    if (status !== 0) return status;
  }
  if (engines.includes("postgres")) {
    let server: RunningPostgres | undefined;
    try {
      server = await startTestPostgres();
      console.log(`\nEnd-to-end core flows on ${server.description}`);
      const url = databaseUrl(server.adminUrl, `daymark_e2e_${process.pid}`);
      const files = playwrightArgs.length > 0 ? playwrightArgs : postgresCoreFlows;
      return run("npx", ["playwright", "test", ...files], { ...env, DAYMARK_E2E_DATABASE_URL: url, DATABASE_URL: url });
    } finally {
      await server?.stop();
    }
  }
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
