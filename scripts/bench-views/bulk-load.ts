// Loading millions of legs: the calls table's score-queue triggers and (most of) its secondary indexes
// are dropped first and created again afterwards (one sort per index instead of 10 M b-tree inserts); the rows go
// in through bench:storage's bulk insert with the payload the sync stores.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeSql, queryRows } from "@/db/engines/raw";
import { getSqliteHandle } from "@/db/engines/sqlite";
import type { Leg } from "../bench-score/engine";

/**
 * SQLite indexes left in place during the load: the legs arrive in (nearly) their key order (ids and
 * end times grow day by day; master and entry-point ids are mostly null), so each insert touches a few
 * hot pages, while creating such an index afterwards costs one more read of the whole table (13 GB at
 * 10 M legs; each CREATE INDEX is its own pass). At 500 k legs keeping them cost no measurable insert
 * time and left them 10–15% larger (incremental splits), as the sync's own inserts would. The covering
 * legs index is keyed by user (2,000 insertion points): kept, it cost 9× its build time. PostgreSQL
 * builds every index afterwards: a live index insert is WAL-logged row by row there.
 */
const sqliteIndexesKeptDuringLoad = ["calls_org_dialpad_call_uq", "calls_org_master_idx", "calls_org_entry_point_idx", "calls_org_updated_idx"];

/** Drops the calls table's triggers and the indexes worth rebuilding; the returned function creates them again. */
export async function dropCallsIndexes(db: Db): Promise<() => Promise<void>> {
  const definitions =
    db.$engine === "postgres"
      ? await queryRows<{ name: string; kind: string; definition: string }>(db, sql`
          SELECT indexname AS name, 'index' AS kind, indexdef AS definition FROM pg_indexes
          WHERE tablename = 'calls' AND schemaname = current_schema() AND indexname <> 'calls_pkey'
          UNION ALL SELECT tgname, 'trigger', pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'calls'::regclass AND NOT tgisinternal`)
      : await queryRows<{ name: string; kind: string; definition: string }>(db, sql`
          SELECT name, type AS kind, sql AS definition FROM sqlite_master
          WHERE tbl_name = 'calls' AND type IN ('index', 'trigger') AND sql IS NOT NULL
            AND name NOT IN (${sql.join(sqliteIndexesKeptDuringLoad.map((name) => sql`${name}`), sql`, `)})`);
  for (const { name, kind } of definitions) {
    const on = db.$engine === "postgres" && kind === "trigger" ? " ON calls" : "";
    await executeSql(db, sql.raw(`DROP ${kind === "trigger" ? "TRIGGER" : "INDEX"} "${name}"${on}`));
  }
  return async () => {
    for (const { definition } of definitions) await executeSql(db, sql.raw(definition));
  };
}

/**
 * What the sync stores for this leg (the emulator's record cut to its metadata, as
 * lib/integrations/dialpad/stored-payload.ts cuts it, ~830 bytes), written as one template: cutting
 * 10 M records through JSON would take longer than inserting them.
 */
export function storedPayload([id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt]: Leg): string {
  const ms = (value: number | null) => (value === null ? "null" : `"${value}"`);
  const duration = connectedAt === null ? 0 : endedAt - connectedAt + 0.53;
  return `{"call_id":"${id}","master_call_id":"${master ?? id}","entry_point_call_id":null,"operator_call_id":null,` +
    `"direction":"${direction}","state":"${state}","date_started":${ms(startedAt)},"date_rang":${ms(rangAt)},` +
    `"date_connected":${ms(connectedAt)},"date_ended":${ms(endedAt)},"event_timestamp":${ms(endedAt)},"duration":${duration},` +
    `"total_duration":${endedAt - startedAt},"external_number":"+12125550140","internal_number":"+14155550100",` +
    `"contact":{"id":"7616473607657667","type":"local","name":"Olivia Turner","phone":"+12125550140","email":""},` +
    `"target":{"id":"70751412940${user.slice(1).padStart(5, "0")}","type":"user","name":"Employee ${user}","phone":"+14155550100","email":""},` +
    `"entry_point_target":{"id":"7075141294095012","type":"office","name":"Acme Inc","phone":"+14155550100","email":""},` +
    `"proxy_target":{},"group_id":"Office:7075141294095012","is_transferred":false,"is_internal":false,"was_recorded":false,` +
    `"labels":[],"mos_score":4.52,"recording_details":[]}`;
}

/**
 * Settings for loading a throwaway SQLite database, undone by the returned function before the app's
 * own work runs on it: no rollback journal or WAL (each page is written once instead of to the WAL and
 * again at the checkpoint), and a 2 GB cache with a second sorter thread for CREATE INDEX. A build that
 * fails is thrown away (it writes no manifest), so losing durability here costs nothing. PostgreSQL's
 * build database gets its index-build memory when it is created (build-database.ts).
 */
export async function applyBulkLoadSettings(db: Db): Promise<() => Promise<void>> {
  if (db.$engine === "postgres") return async () => {};
  const handle = getSqliteHandle(db);
  const cacheSize = Number(handle.pragma("cache_size", { simple: true }));
  handle.pragma("journal_mode = OFF");
  handle.pragma("synchronous = OFF");
  handle.pragma("cache_size = -2000000");
  handle.pragma("threads = 2");
  return async () => {
    handle.pragma(`cache_size = ${cacheSize}`);
    handle.pragma("threads = 0");
    handle.pragma("synchronous = NORMAL");
    handle.pragma("journal_mode = WAL");
  };
}
