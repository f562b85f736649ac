// The end state both checks demand: each organization's stored calls are exactly its emulator
// company's, and its stored scores are what a full recompute from those calls gives.
import { isDeepStrictEqual } from "node:util";
import type { Db } from "@/db/client";
import type { ConnectedOrganization } from "./deployment";

export interface CallComparison {
  organizationId: number;
  expected: number;
  stored: number;
  missing: number;
  extra: number;
  different: number;
  /** The first differing legs: id and the fields that differ. */
  samples: string[];
  /**
   * Legs a webhook's voicemail_uploaded event left in that state, which the REST listing (and a re-read of
   * the leg) reports as "voicemail": counted apart and otherwise compared as "voicemail".
   */
  uploadedVoicemails: number;
}

// A leg first stored from a webhook keeps that event's payload and event time (webhooks send numbers where
// the REST listing sends strings, and their own event time): every other normalized column must match.
const keyFields = (leg: object) => Object.keys(leg).filter((key) => key !== "eventTimestamp");

/** Ids and every normalized column but the event time, of the stored legs against a full listing at the emulator. */
export async function compareCalls(db: Db, organization: ConnectedOrganization): Promise<CallComparison> {
  const { listOrganizationCalls } = await import("@/db/queries/calls");
  const { parseCallItems } = await import("@/lib/integrations/dialpad/schema");
  const { toCallLeg } = await import("@/lib/integrations/dialpad/transform");
  const { items } = await organization.emulator.admin<{ items: Record<string, unknown>[] }>(`/calls?domain=${organization.company.domain}`);
  const rows = await listOrganizationCalls(db, organization.organizationId);
  const stored = new Map(rows.map((row) => [row.dialpadCallId, row]));
  const legs = new Map(parseCallItems(items).calls.map((call) => [call.call_id, toCallLeg(call)]));
  // An internal receiver's voicemail marks its caller's leg (lib/services/sync/testing/harness.ts does the same).
  for (const leg of legs.values()) {
    if (leg.direction !== "inbound" || !leg.isInternal || !leg.hasVoicemail) continue;
    const caller = legs.get(leg.entryPointCallId ?? leg.masterCallId ?? "");
    if (caller?.direction === "outbound") caller.leftVoicemail = true;
  }
  let missing = 0;
  let different = 0;
  const samples: string[] = [];
  let uploadedVoicemails = 0;
  for (const item of items) {
    const row = stored.get(String(item.call_id));
    if (!row) {
      missing++;
      continue;
    }
    const leg = legs.get(String(item.call_id))!;
    const columns = Object.fromEntries(Object.keys(leg).map((key) => [key, key === "labels" ? JSON.parse(row.labels) : (row as Record<string, unknown>)[key]]));
    const wanted = leg as unknown as Record<string, unknown>;
    if (columns.state === "voicemail_uploaded" && wanted.state === "voicemail") {
      uploadedVoicemails++;
      columns.state = "voicemail";
    }
    const fields = keyFields(leg).filter((key) => !isDeepStrictEqual(columns[key], wanted[key]));
    if (fields.length > 0) {
      different++;
      if (samples.length < 3) samples.push(`${String(item.call_id)} ${fields.map((key) => `${key}: ${JSON.stringify(columns[key])} ≠ ${JSON.stringify(wanted[key])}`).join("; ")}`);
    }
  }
  const expectedIds = new Set(items.map((item) => String(item.call_id)));
  const extra = rows.filter((row) => !expectedIds.has(row.dialpadCallId)).length;
  return { organizationId: organization.organizationId, expected: items.length, stored: rows.length, missing, extra, different, samples, uploadedVoicemails };
}

export const callsMatch = (c: CallComparison) => c.missing === 0 && c.extra === 0 && c.different === 0 && c.stored === c.expected;

const scoreColumns = `employee_id, day_key, role, score, no_score_reason, talk_ms, connected_calls, voicemails_left,
  voicemails_received, missed_calls, not_answered_calls, has_activity, breakdown, facts_hash`;

async function scoreRows(db: Db, organizationId: number): Promise<Map<string, unknown>> {
  const { getPostgresPool } = await import("@/db/engines/postgres");
  const { rows } = await getPostgresPool(db).query(`select ${scoreColumns} from daily_scores where organization_id = $1`, [organizationId]);
  return new Map(rows.map((row: { employee_id: number; day_key: string }) => [`${row.employee_id}/${row.day_key}`, row]));
}

export interface ScoreComparison {
  organizationId: number;
  days: number;
  scored: number;
  different: number;
  missing: number;
  extra: number;
}

/**
 * Recomputes every score from scratch in `copy` (a copy of the database taken once everything
 * stopped: its daily scores and call entries deleted first) and compares each day with the original.
 */
export async function compareScores(original: Db, copy: Db, organizationId: number): Promise<ScoreComparison> {
  const { getPostgresPool } = await import("@/db/engines/postgres");
  const { recomputeOrganizationScores } = await import("@/lib/services/scores/queue-recompute");
  const before = await scoreRows(original, organizationId);
  const pool = getPostgresPool(copy);
  await pool.query("delete from daily_scores where organization_id = $1", [organizationId]);
  await pool.query("delete from call_day_entries where organization_id = $1", [organizationId]);
  await recomputeOrganizationScores(copy, organizationId);
  const after = await scoreRows(copy, organizationId);
  let different = 0;
  let missing = 0;
  let scored = 0;
  for (const [key, row] of after) {
    const stored = before.get(key);
    if (!stored) missing++;
    else if (!isDeepStrictEqual(stored, row)) different++;
    if ((row as { score: number | null }).score !== null) scored++;
  }
  const extra = [...before.keys()].filter((key) => !after.has(key)).length;
  return { organizationId, days: after.size, scored, different, missing, extra };
}

export const scoresMatch = (c: ScoreComparison) => c.different === 0 && c.missing === 0 && c.extra === 0;

/** A copy of the database (PostgreSQL's template copy: nobody may be connected to the original). */
export async function copyDatabase(serverUrl: string, databaseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { closeDatabase, openDatabase } = await import("@/db/client");
  const { getPostgresPool } = await import("@/db/engines/postgres");
  const source = new URL(databaseUrl).pathname.slice(1);
  const name = `${source}_recompute`;
  const server = openDatabase(serverUrl);
  await getPostgresPool(server).query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await getPostgresPool(server).query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await closeDatabase(server);
    },
  };
}
