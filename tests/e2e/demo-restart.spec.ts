import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { answerDialpadConsent, openDialpadPopup } from "./support/connect-dialpad";
import { freePort, killDemo, readOutput, startDemo, stopDemo, waitForOutput, type RunningDemo } from "./support/demo-process";
import { signIn } from "./support/sign-in";

// Issue 16: `npm run demo`, stopped and started again twice, keeps its Dialpad connection and ends its
// output with the logins. Its own data directory (the test's, not ./data) and free ports; the build that
// scripts/e2e.ts has just made is reused (DEMO_REUSE_BUILD=1).

const password = "demo-restart-password";
type EmulatorCompanies = { items: { users: { email: string }[] }[] };

test("the demo restarted twice keeps its Dialpad connection and prints the logins last", async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-demo-"));
  // The demo's secrets, written first so the test knows the password it prints; the rest it creates itself.
  fs.writeFileSync(
    path.join(dataDir, "demo-secrets.json"),
    JSON.stringify({ nextAuthSecret: "demo-restart-nextauth-secret-0123456789", tokenKey: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", cronSecret: "demo-restart-cron", password }),
  );
  const ports = { appPort: await freePort(), emulatorPort: await freePort() };
  const appUrl = `http://localhost:${ports.appPort}`;
  let demo: RunningDemo | undefined;
  try {
    for (const run of [1, 2, 3]) {
      await test.step(`run ${run}`, async () => {
        demo = startDemo({ dataDir, logFile: path.join(dataDir, `demo-${run}.log`), ...ports });
        await waitForOutput(demo, "Sign in (employee):", 4 * 60_000);
        const logins = await expectedLogins(ports.emulatorPort);
        expect(readOutput(demo).trimEnd().split("\n").slice(-3)).toEqual(logins.lines);

        await expectConnectedAfterSignIn(browser, appUrl, { adminEmail: logins.adminEmail, isFirstRun: run === 1 });

        const { exitCode, stillRunning } = await stopDemo(demo, 60_000);
        expect(exitCode).toBe(0);
        expect(stillRunning, "processes left running after SIGTERM").toEqual([]);
        demo = undefined;
      });
    }
  } finally {
    if (demo) killDemo(demo);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The demo's last three lines: the seed makes the emulator's first user the admin, the second the manager, the third an employee. */
async function expectedLogins(emulatorPort: number): Promise<{ lines: string[]; adminEmail: string }> {
  const companies = (await (await fetch(`http://127.0.0.1:${emulatorPort}/__admin/companies`)).json()) as EmulatorCompanies;
  const [admin, manager, employee] = companies.items[0]!.users;
  const lines = [
    `  Sign in (admin):    ${admin!.email} / ${password}`,
    `  Sign in (manager):  ${manager!.email} / ${password}`,
    `  Sign in (employee): ${employee!.email} / ${password}`,
  ];
  return { lines, adminEmail: admin!.email };
}

/**
 * Signs in as the admin. The first run connects Dialpad as a new user would; later runs use the stored
 * tokens against the restarted emulator ("Refresh Dialpad users" calls Dialpad), which a forgotten grant
 * would turn into "Reconnect needed".
 */
async function expectConnectedAfterSignIn(
  browser: Browser,
  appUrl: string,
  { adminEmail, isFirstRun }: { adminEmail: string; isFirstRun: boolean },
): Promise<void> {
  const context = await browser.newContext({ baseURL: appUrl });
  try {
    const page = await context.newPage();
    await signIn(page, adminEmail, password);
    if (isFirstRun) {
      const popup = await openDialpadPopup(page);
      await answerDialpadConsent(popup, { email: adminEmail, decision: "Allow" });
      await expect(page.getByTestId("dialpad-result")).toContainText("Dialpad is connected: Acme Inc (acme.test)", { timeout: 30_000 });
    } else {
      await page.goto("/settings/products/phone-system/mapping");
      await page.getByRole("button", { name: "Refresh Dialpad users" }).click();
      await expect(page.getByText(/^Fetched \d+ Dialpad users; /)).toBeVisible({ timeout: 60_000 });
    }
    await page.goto("/settings/products");
    await expect(page.getByTestId("dialpad-status")).toHaveText("Connected");
  } finally {
    await context.close();
  }
}
