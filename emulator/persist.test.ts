import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

/** `npm run emulator` as the demo starts it, on a free port; resolves with its URL once it listens. */
function startEmulatorProcess(stateFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_STATE_FILE: stateFile, EMULATOR_ANCHOR: "2026-03-11T15:00:00Z" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child });
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("EMULATOR_STATE_FILE", () => {
  it("keeps grants and tokens across a restart, so a connected app's tokens still work", { timeout: 60_000 }, async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-")), "state.json");
    const first = await startEmulatorProcess(stateFile);
    const issued = await fetch(`${first.url}/__admin/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "admin@acme.test" }),
    });
    expect(issued.status).toBe(200);
    const tokens = (await issued.json()) as { access_token: string; refresh_token: string };
    expect((await fetch(`${first.url}/api/v2/company`, bearer(tokens.access_token))).status).toBe(200);
    await stop(first.child);

    const second = await startEmulatorProcess(stateFile);
    const company = await fetch(`${second.url}/api/v2/company`, bearer(tokens.access_token));
    expect(company.status).toBe(200);
    expect(((await company.json()) as { domain: string }).domain).toBe("acme.test");
    const refreshed = await fetch(`${second.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        client_id: "daymark-dev",
        client_secret: "daymark-dev-secret",
      }),
    });
    expect(refreshed.status).toBe(200);
  });

  it("starts empty without a file: an unknown token is refused", { timeout: 60_000 }, async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-")), "none.json");
    const { url } = await startEmulatorProcess(stateFile);
    expect((await fetch(`${url}/api/v2/company`, bearer("not-a-token"))).status).toBe(401);
  });
});
