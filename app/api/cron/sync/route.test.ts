import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { GET } from "./route";

function call(authorization?: string) {
  const headers = authorization === undefined ? undefined : { authorization };
  return GET(new Request("http://localhost/api/cron/sync", { headers }));
}

afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvCache();
});

describe("GET /api/cron/sync", () => {
  it("refuses a missing or wrong Bearer secret with 401", async () => {
    process.env.CRON_SECRET = "cron-secret-1234";
    resetEnvCache();
    expect((await call()).status).toBe(401);
    expect((await call("Bearer nope")).status).toBe(401);
    expect((await call("cron-secret-1234")).status).toBe(401);
  });

  it("answers 503 when no CRON_SECRET is configured, so an open endpoint is never the default", async () => {
    resetEnvCache();
    expect((await call("Bearer ")).status).toBe(503);
  });

  it("runs one scheduler tick with the right secret and reports what it did", async () => {
    process.env.CRON_SECRET = "cron-secret-1234";
    resetEnvCache();
    (globalThis as unknown as { daymarkDb?: Db }).daymarkDb = createTestDb();
    const response = await call("Bearer cron-secret-1234");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ runsStarted: 0, webhookEventsSwept: 0 });
  });
});
