import { describe, expect, it } from "vitest";
import { isTransientDatabaseError, isUniqueViolation } from "./errors";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("database error classification", () => {
  it("recognises unique violations from both engines, also when wrapped", () => {
    expect(isUniqueViolation(withCode("23505"))).toBe(true);
    expect(isUniqueViolation(withCode("SQLITE_CONSTRAINT_UNIQUE"))).toBe(true);
    expect(isUniqueViolation(new Error("query failed", { cause: withCode("23505") }))).toBe(true);
    expect(isUniqueViolation(withCode("23503"))).toBe(false);
  });

  it("treats busy, locked, conflicts and dropped connections as transient, and nothing else", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "40001", "40P01", "57P01", "08006", "ECONNRESET"]) {
      expect(isTransientDatabaseError(withCode(code)), code).toBe(true);
    }
    expect(isTransientDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isTransientDatabaseError(new Error("wrapped", { cause: withCode("40001") }))).toBe(true);
    for (const code of ["23505", "42P01", "SQLITE_CONSTRAINT_NOTNULL"]) expect(isTransientDatabaseError(withCode(code)), code).toBe(false);
    expect(isTransientDatabaseError(new Error("syntax error"))).toBe(false);
  });
});
