// PostgreSQL's bulk path for call legs: COPY FROM STDIN in text format on one connection, in one
// transaction. The client builds the next rows while the server parses the last ones (the stream's
// backpressure keeps at most a few MB in flight), and no array literal is escaped on either side.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/db/client";
import { getPostgresPool } from "@/db/engines/postgres";
import type { Leg } from "../bench-score/engine";

const copyColumns = `organization_id, dialpad_call_id, dialpad_user_id, master_call_id, direction, state, started_at, rang_at,
  connected_at, ended_at, event_timestamp, duration_ms, external_number, internal_number, contact_name, contact_phone,
  contact_type, target_type, target_name, is_transferred, was_recorded, has_voicemail, is_internal, labels, raw,
  first_synced_at, updated_at`;
const rowsPerChunk = 1_000;

/** COPY's text format: backslash, tab, newline and carriage return are escaped; null is \N. */
function field(value: string | number | null): string {
  if (value === null) return "\\N";
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : text;
}

function* copyText(organizationId: number, days: Iterable<readonly Leg[]>, payload: (leg: Leg) => string): Generator<string> {
  const constants = "\t+12125550140\t+14155550100\tOlivia Turner\t+12125550140\tlocal\tuser\t";
  let chunk = "";
  let rows = 0;
  for (const legs of days) {
    for (const leg of legs) {
      const [id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt, hasVoicemail] = leg;
      chunk += `${organizationId}\t${field(id)}\t${field(user)}\t${field(master)}\t${field(direction)}\t${field(state)}\t${startedAt}\t` +
        `${field(rangAt)}\t${field(connectedAt)}\t${endedAt}\t${endedAt}\t${endedAt - startedAt}${constants}${field(`Employee ${user}`)}\t` +
        `f\tf\t${hasVoicemail === 1 ? "t" : "f"}\tf\t[]\t${field(payload(leg))}\t${endedAt}\t${endedAt}\n`;
      if (++rows === rowsPerChunk) {
        yield chunk;
        chunk = "";
        rows = 0;
      }
    }
  }
  if (chunk) yield chunk;
}

/**
 * Copies the legs into calls, firing whatever triggers the table has. `freeze` (a build of a new
 * database only) truncates calls and what references it first, in the same transaction, so COPY can
 * write the rows frozen and all-visible: the first scan (an index build) then has no hint bits to set,
 * that is no second write of the whole table, and VACUUM has nothing to freeze.
 */
export async function copyCallLegs(
  db: Db,
  organizationId: number,
  days: Iterable<readonly Leg[]>,
  payload: (leg: Leg) => string,
  options: { freeze?: boolean } = {},
): Promise<void> {
  const client = await getPostgresPool(db).connect();
  try {
    await client.query("BEGIN");
    if (options.freeze) await client.query("TRUNCATE calls CASCADE");
    const copy = client.query(copyFrom(`COPY calls (${copyColumns}) FROM STDIN${options.freeze ? " WITH (FREEZE)" : ""}`));
    await pipeline(Readable.from(copyText(organizationId, days, payload)), copy);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
