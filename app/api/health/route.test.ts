import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { GET } from "./route";

const global = globalThis as unknown as { daymarkDb?: Db };
const databaseUrl = process.env.DATABASE_URL;

afterEach(() => {
  delete global.daymarkDb;
  process.env.DATABASE_URL = databaseUrl;
  resetEnvCache();
});

describe(`GET /api/health on ${getActiveEngine()}`, () => {
  it("answers 200 when the database answers", async () => {
    global.daymarkDb = await createTestDb();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the PostgreSQL server cannot be reached", async () => {
    const unreachable = openDatabase("postgres://daymark@127.0.0.1:1/daymark");
    global.daymarkDb = unreachable;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
      // Still answering, not crashed: a second request gets the same answer.
      expect((await GET()).status).toBe(503);
    } finally {
      await closeDatabase(unreachable);
    }
  });

  it("answers 503 when DATABASE_URL is malformed", async () => {
    process.env.DATABASE_URL = "mysql://db.example/daymark";
    resetEnvCache();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
  });
});
