// The webhook intake's group commit, one prepared statement per engine: building a 500-row INSERT
// with drizzle's builder cost more CPU than the database spent running it.
import type Database from "better-sqlite3";
import type { Db } from "../client";
import { getPostgresPool } from "./postgres";
import { getSqliteHandle } from "./sqlite";
import { withTransaction } from "../transaction";

export interface InboxInsert {
  organizationId: number;
  eventKey: string;
  payload: string;
  receivedAt: number;
}

const sqliteStatements = new WeakMap<Database.Database, Database.Statement>();

/** SQLite: one prepared single-row insert per event, all in one transaction; true where the row is new. */
export async function insertWebhookEventsSqlite(db: Db, events: readonly InboxInsert[]): Promise<boolean[]> {
  const sqlite = getSqliteHandle(db);
  let statement = sqliteStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      "INSERT INTO webhook_inbox (organization_id, event_key, payload, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    sqliteStatements.set(sqlite, statement);
  }
  const insert = statement;
  return withTransaction(db, async () =>
    events.map((event) => insert.run(event.organizationId, event.eventKey, event.payload, event.receivedAt).changes === 1),
  );
}

// A named statement is parsed once per pooled connection; unnest keeps one statement text for any batch size.
const postgresInsert = {
  name: "daymark_webhook_inbox_insert",
  text: `INSERT INTO webhook_inbox (organization_id, event_key, payload, received_at)
    SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::bigint[])
    ON CONFLICT DO NOTHING RETURNING organization_id, event_key`,
};

/** PostgreSQL: one statement (atomic on its own) for the whole batch; the keys of the rows that were new. */
export async function insertWebhookEventsPostgres(db: Db, events: readonly InboxInsert[]): Promise<Set<string>> {
  const result = await getPostgresPool(db).query<{ organization_id: number; event_key: string }>({
    ...postgresInsert,
    values: [
      events.map((event) => event.organizationId),
      events.map((event) => event.eventKey),
      events.map((event) => event.payload),
      events.map((event) => event.receivedAt),
    ],
  });
  return new Set(result.rows.map((row) => `${row.organization_id}:${row.event_key}`));
}
