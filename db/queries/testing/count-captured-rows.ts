// Tests that prove a view reads only its rows: re-run a captured statement and count what it returns.
import type { Db } from "@/db/client";
import { getPostgresPool } from "../../engines/postgres";
import { getSqliteHandle } from "../../engines/sqlite";
import type { CapturedQuery } from "./query-plans";

export async function countCapturedRows(db: Db, query: CapturedQuery): Promise<number> {
  if (db.$engine === "postgres") return (await getPostgresPool(db).query(query.sql, query.params)).rows.length;
  return getSqliteHandle(db).prepare(query.sql).all(...query.params).length;
}
