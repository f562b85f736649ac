import { describe, expect, it } from "vitest";
import { describeLogins } from "./demo-logins";

const base = { database: "SQLite data/daymark.db", appUrl: "http://localhost:3000", emulatorUrl: "http://127.0.0.1:4010", emulatorStateFile: "data/emulator-state.json" };

describe("describeLogins", () => {
  it("ends with the admin, manager and employee logins", () => {
    const text = describeLogins({
      ...base,
      logins: {
        admin: { email: "dana@acme.test", password: "demo-x" },
        manager: { email: "max@acme.test", password: "demo-x" },
        employee: { email: "eve@acme.test", password: "demo-x" },
      },
    });
    expect(text.trimEnd().split("\n").slice(-3)).toEqual([
      "  Sign in (admin):    dana@acme.test / demo-x",
      "  Sign in (manager):  max@acme.test / demo-x",
      "  Sign in (employee): eve@acme.test / demo-x",
    ]);
    expect(text).toContain("The connection is kept across restarts (data/emulator-state.json).");
  });

  it("says (none) for a login the saved demo lacks", () => {
    const text = describeLogins({ ...base, logins: { admin: { email: "dana@acme.test", password: "p" }, manager: null } });
    expect(text.trimEnd().split("\n").slice(-2)).toEqual(["  Sign in (manager):  (none)", "  Sign in (employee): (none)"]);
  });
});
