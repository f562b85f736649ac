import type { Db } from "@/db/client";
import { callColumns } from "@/db/engines/call-rows";
import { getPostgresPool } from "@/db/engines/postgres";
import { callColumnTypes } from "@/db/engines/postgres-calls";
import { getSqliteHandle } from "@/db/engines/sqlite";
import type { DialpadClient } from "@/lib/integrations/dialpad/client";
import { advanceCheckpoint, isRangeDone, windowQuery, type Checkpoint } from "@/lib/services/sync/windows";

/** Reads every page of the range the way a sync run does, one request at a time, storing nothing. */
export async function fetchWithoutStoring(client: DialpadClient, range: { rangeStart: number; rangeEnd: number }, pageSize: number) {
  let checkpoint: Checkpoint = { windowEnd: range.rangeEnd, cursor: null, windowsDone: 0 };
  let calls = 0;
  let pages = 0;
  while (!isRangeDone(range, checkpoint)) {
    const page = await client.listCalls({ ...windowQuery(range, checkpoint), limit: pageSize });
    calls += page.calls.length + page.rejected.length;
    pages++;
    checkpoint = advanceCheckpoint(range, checkpoint, page.cursor);
  }
  return { calls, pages };
}

const list = callColumns.join(", ");

/**
 * The engine's raw insert limit: the rows the sync stored, inserted into an empty calls table in one
 * transaction by the fastest plain means each engine has here. SQLite: a bare prepared INSERT per row.
 * PostgreSQL: multi-row INSERT … SELECT FROM unnest() of 5,000 rows (no COPY client is installed).
 * Only the inserts are timed, not reading the rows back from the source.
 */
export async function insertBare(source: Db, target: Db, organizationId: number): Promise<{ rows: number; ms: number }> {
  return source.$engine === "postgres" ? insertBarePostgres(source, target, organizationId) : insertBareSqlite(source, target, organizationId);
}

function insertBareSqlite(source: Db, target: Db, organizationId: number, chunk = 20_000): { rows: number; ms: number } {
  const from = getSqliteHandle(source);
  const to = getSqliteHandle(target);
  const read = from.prepare(`SELECT ${list} FROM calls WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?`).raw();
  const readId = from.prepare("SELECT id FROM calls WHERE organization_id = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?").pluck();
  const insert = to.prepare(`INSERT INTO calls (${list}) VALUES (${callColumns.map(() => "?").join(", ")})`);
  let rows = 0;
  let ms = 0;
  let lastId = 0;
  to.exec("BEGIN IMMEDIATE");
  for (;;) {
    const batch = read.all(organizationId, lastId, chunk) as unknown[][];
    if (batch.length === 0) break;
    const nextId = readId.get(organizationId, lastId, batch.length - 1) as number;
    const started = performance.now();
    for (const row of batch) insert.run(...row);
    ms += performance.now() - started;
    rows += batch.length;
    lastId = nextId;
  }
  const started = performance.now();
  to.exec("COMMIT");
  ms += performance.now() - started;
  return { rows, ms };
}

// The sync's own column types, so a column added to calls cannot leave the baseline a parameter short.
const postgresTypes = callColumns.map((column) => callColumnTypes[column]);

async function insertBarePostgres(source: Db, target: Db, organizationId: number, chunk = 5_000): Promise<{ rows: number; ms: number }> {
  const from = getPostgresPool(source);
  const to = await getPostgresPool(target).connect();
  const insert = `INSERT INTO calls (${list}) SELECT * FROM unnest(${postgresTypes.map((type, i) => `$${i + 1}::${type}[]`).join(", ")})`;
  let rows = 0;
  let ms = 0;
  let lastId = 0;
  try {
    await to.query("BEGIN");
    for (;;) {
      const batch = await from.query<unknown[]>({
        text: `SELECT id, ${list} FROM calls WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        values: [organizationId, lastId, chunk],
        rowMode: "array",
      });
      if (batch.rows.length === 0) break;
      const columns = callColumns.map((_, c) => batch.rows.map((row) => row[c + 1]));
      const started = performance.now();
      await to.query(insert, columns);
      ms += performance.now() - started;
      rows += batch.rows.length;
      lastId = batch.rows.at(-1)![0] as number;
    }
    const started = performance.now();
    await to.query("COMMIT");
    ms += performance.now() - started;
  } finally {
    to.release();
  }
  return { rows, ms };
}
