// bench:score's engine-specific pieces: seeding, the fastest plain insert of legs each engine has here,
// and dropping the score-queue triggers for the raw-limit run. SQLite: prepared statements in 50,000-row
// transactions. PostgreSQL: INSERT … SELECT FROM unnest() of 5,000 rows per statement, 50,000 per transaction.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getPostgresPool } from "@/db/engines/postgres";
import { executeSql, queryRows } from "@/db/engines/raw";
import { getSqliteHandle } from "@/db/engines/sqlite";

/** [callId, userId, masterCallId, direction, state, startedAt, rangAt, connectedAt, endedAt, hasVoicemail] */
export type Leg = [string, string, string | null, string, string, number, number | null, number | null, number, number];

const transactionRows = 50_000;
const statementRows = 5_000;

export async function seedOrganization(
  db: Db,
  employees: { count: number; zones: readonly (string | null)[]; roles: readonly (string | null)[] },
): Promise<number> {
  const now = Date.now();
  const [organization] = await queryRows<{ id: number }>(db, sql`
    INSERT INTO organizations (name, domain, timezone, day_start_hour, work_week, created_at)
    VALUES ('Bench scores', 'bench-score.test', 'America/New_York', 0, '1,2,3,4,5', ${now}) RETURNING id`);
  const organizationId = organization!.id;
  for (let i = 0; i < employees.count; i++) {
    const [employee] = await queryRows<{ id: number }>(db, sql`
      INSERT INTO employees (organization_id, name, email, timezone, title, created_at, updated_at)
      VALUES (${organizationId}, ${`Employee ${i}`}, ${`e${i}@bench.test`}, ${employees.zones[i % employees.zones.length] ?? null},
        ${employees.roles[i % employees.roles.length] ?? null}, ${now}, ${now}) RETURNING id`);
    await executeSql(db, sql`
      INSERT INTO employee_dialpad_links (organization_id, employee_id, dialpad_user_id, method, created_at, updated_at)
      VALUES (${organizationId}, ${employee!.id}, ${`u${i}`}, 'manual', ${now}, ${now})`);
  }
  return organizationId;
}

export async function insertLegs(db: Db, organizationId: number, legs: readonly Leg[]): Promise<void> {
  if (db.$engine === "postgres") await insertLegsPostgres(db, organizationId, legs);
  else insertLegsSqlite(db, organizationId, legs);
}

function insertLegsSqlite(db: Db, organizationId: number, legs: readonly Leg[]): void {
  const client = getSqliteHandle(db);
  const insert = client.prepare(
    `INSERT INTO calls (organization_id, dialpad_call_id, dialpad_user_id, master_call_id, direction, state, started_at,
       rang_at, connected_at, ended_at, event_timestamp, target_type, is_transferred, was_recorded, has_voicemail,
       is_internal, labels, raw, first_synced_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user', 0, 0, ?, 0, '[]', '{}', 1, 1)`,
  );
  const writeChunk = client.transaction((chunk: readonly Leg[]) => {
    for (const [id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt, hasVoicemail] of chunk) {
      insert.run(organizationId, id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt, startedAt, hasVoicemail);
    }
  });
  for (let i = 0; i < legs.length; i += transactionRows) writeChunk(legs.slice(i, i + transactionRows));
}

const unnestTypes = ["text", "text", "text", "text", "text", "bigint", "bigint", "bigint", "bigint", "integer"];

async function insertLegsPostgres(db: Db, organizationId: number, legs: readonly Leg[]): Promise<void> {
  const client = await getPostgresPool(db).connect();
  const insert = `INSERT INTO calls (organization_id, dialpad_call_id, dialpad_user_id, master_call_id, direction, state,
      started_at, rang_at, connected_at, ended_at, event_timestamp, target_type, is_transferred, was_recorded, has_voicemail,
      is_internal, labels, raw, first_synced_at, updated_at)
    SELECT $1, id, u, m, d, s, st, r, c, e, st, 'user', false, false, hv = 1, false, '[]', '{}', 1, 1
    FROM unnest(${unnestTypes.map((type, i) => `$${i + 2}::${type}[]`).join(", ")}) AS t(id, u, m, d, s, st, r, c, e, hv)`;
  try {
    for (let i = 0; i < legs.length; i += transactionRows) {
      await client.query("BEGIN");
      for (let j = i; j < Math.min(i + transactionRows, legs.length); j += statementRows) {
        const chunk = legs.slice(j, Math.min(j + statementRows, i + transactionRows, legs.length));
        await client.query(insert, [organizationId, ...unnestTypes.map((_, c) => chunk.map((leg) => leg[c]))]);
      }
      await client.query("COMMIT");
    }
  } finally {
    client.release();
  }
}

export async function dropScoreQueueTriggers(db: Db): Promise<void> {
  for (const trigger of ["insert", "update", "delete"]) {
    const on = db.$engine === "postgres" ? " ON calls" : "";
    await executeSql(db, sql.raw(`DROP TRIGGER calls_score_queue_${trigger}${on}`));
  }
}

export async function countRows(db: Db, table: "daily_scores" | "call_day_entries"): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.raw(table)}`);
  return Number(row!.n);
}

export async function clearScoreQueue(db: Db): Promise<void> {
  await executeSql(db, sql`DELETE FROM score_recompute_queue`);
}
