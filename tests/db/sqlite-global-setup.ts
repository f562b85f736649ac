// vitest globalSetup of the "sqlite" project: says which engine the run covers.
import Database from "better-sqlite3";

export default function setup(): void {
  const version = new Database(":memory:").prepare("select sqlite_version() AS v").get() as { v: string };
  console.log(`Database engine for this project: SQLite ${version.v} (better-sqlite3, a temporary file per test database)`);
}
