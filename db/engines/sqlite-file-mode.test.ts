import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { closeSqlite, getSqliteHandle, openSqlite } from "./sqlite";

// Runs the same SQLite check in both projects: the file mode does not depend on DATABASE_URL.
const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) closeSqlite(db);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-mode-"));
  dirs.push(dir);
  return path.join(dir, "nested", "daymark.db");
}

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

function openAndWrite(file: string): void {
  const db = openSqlite(file);
  opened.push(db);
  getSqliteHandle(db).exec("create table if not exists t (x integer); insert into t values (1);");
}

describe.skipIf(process.platform === "win32")("openSqlite file permissions", () => {
  it("creates the database, its WAL and its shared-memory file readable by the owner only", () => {
    const previous = process.umask(0o022);
    try {
      const file = tempFile();
      openAndWrite(file);
      expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(["600", "600", "600"]);
    } finally {
      process.umask(previous);
    }
  });

  it("tightens a database file an older version left world-readable", () => {
    const file = tempFile();
    openAndWrite(file);
    closeSqlite(opened.pop()!);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(name)) fs.chmodSync(name, 0o644);
    openAndWrite(file);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(["600", "600", "600"]);
  });
});
