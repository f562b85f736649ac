import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDevSecret } from "./dev-secret";

describe("getDevSecret", () => {
  it("makes a random secret once per install, readable by its owner only, and keeps it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-dev-secret-"));
    const [first, second] = [path.join(dir, "a", "dev-secret"), path.join(dir, "b", "dev-secret")];
    const secret = getDevSecret(first);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(first).mode & 0o777).toBe(0o600);
    expect(getDevSecret(first)).toBe(secret);
    expect(getDevSecret(second)).not.toBe(secret);
    fs.rmSync(dir, { recursive: true });
  });
});
