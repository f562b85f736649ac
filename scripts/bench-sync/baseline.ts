import type { Db } from "@/db/client";
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

const columns = [
  "organization_id", "dialpad_call_id", "dialpad_user_id", "master_call_id", "entry_point_call_id", "operator_call_id",
  "direction", "state", "started_at", "rang_at", "connected_at", "ended_at", "event_timestamp", "duration_ms",
  "external_number", "internal_number", "contact_name", "contact_phone", "contact_type", "target_type", "target_name",
  "entry_point_target_name", "is_transferred", "was_recorded", "has_voicemail", "is_internal", "labels", "raw",
  "first_synced_at", "updated_at",
];

/**
 * Inserts the rows the sync stored into an empty calls table with a bare prepared INSERT in one
 * transaction. Only the insert loop is timed, not reading the rows back from the source.
 */
export function insertBare(source: Db, target: Db, organizationId: number, chunk = 20_000): { rows: number; ms: number } {
  const list = columns.join(", ");
  const read = source.$client.prepare(`SELECT ${list} FROM calls WHERE organization_id = ? AND id > ? ORDER BY id LIMIT ?`).raw();
  const readId = source.$client.prepare("SELECT id FROM calls WHERE organization_id = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?").pluck();
  const insert = target.$client.prepare(`INSERT INTO calls (${list}) VALUES (${columns.map(() => "?").join(", ")})`);
  let rows = 0;
  let ms = 0;
  let lastId = 0;
  target.$client.exec("BEGIN IMMEDIATE");
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
  target.$client.exec("COMMIT");
  ms += performance.now() - started;
  return { rows, ms };
}
