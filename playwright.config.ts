import { defineConfig } from "@playwright/test";
import { e2ePorts, e2eEnv } from "./tests/e2e/env";

// scripts/e2e.ts builds the app and finds Chromium before Playwright starts.
export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${e2ePorts.app}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-quic", "--disable-gpu"],
    },
  },
  projects: [
    // first-run.setup.ts registers the organization through the UI and saves the admin's session.
    { name: "setup", testMatch: /first-run\.setup\.ts/, use: { browserName: "chromium" } },
    { name: "chromium", use: { browserName: "chromium" }, dependencies: ["setup"] },
  ],
  webServer: [
    {
      command: "npx tsx emulator/main.ts",
      url: `http://127.0.0.1:${e2ePorts.emulator}/__admin/health`,
      env: e2eEnv,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/e2e-reset-db.ts && npx tsx scripts/migrate.ts && npx next start -p ${e2ePorts.app} -H 127.0.0.1`,
      url: `http://127.0.0.1:${e2ePorts.app}/api/health`,
      env: e2eEnv,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
