// Counts the statements a piece of work sends to the database (bench:score and the drain's statement
// budget test). PostgreSQL: every query a pool client sends (BEGIN and COMMIT included), each one a
// round trip. SQLite: every statement run (run, get, all, iterate) and exec (BEGIN IMMEDIATE, COMMIT).
// It patches the drivers' prototypes for the duration, so count one piece of work at a time.
import pg from "pg";
import type { Db } from "../client";
import { getSqliteHandle } from "../engines/sqlite";

type Method = (...args: unknown[]) => unknown;

/** The work's result and the text of each statement it sent, in order. */
export async function countStatements<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const restore: (() => void)[] = [];
  const patch = (target: Record<string, unknown>, name: string) => {
    const original = target[name] as Method;
    target[name] = function (this: { source?: string }, ...args: unknown[]) {
      const [first] = args as [string | { text?: string } | undefined];
      statements.push(name === "query" || name === "exec" ? (typeof first === "string" ? first : first?.text ?? "?") : this.source ?? "?");
      return original.apply(this, args);
    };
    restore.push(() => (target[name] = original));
  };
  if (db.$engine === "postgres") {
    patch(pg.Client.prototype as unknown as Record<string, unknown>, "query");
  } else {
    const client = getSqliteHandle(db);
    const statementPrototype = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, unknown>;
    for (const name of ["run", "get", "all", "iterate"]) patch(statementPrototype, name);
    patch(Object.getPrototypeOf(client) as Record<string, unknown>, "exec");
  }
  try {
    const result = await work();
    return { result, statements };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
