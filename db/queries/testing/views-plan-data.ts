// A few thousand rows for the views-plans test, written by SQL alone (recursive CTEs), then analyzed on
// PostgreSQL so its planner weighs indexes on realistic statistics. SQLite is left unanalyzed, as the
// app leaves it: its planner then decides by heuristics that do not depend on the table sizes.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeSql } from "@/db/engines/raw";

const employeeCount = 100;
const dayCount = 60;
const legCount = 20_000;

const series = (n: number) => sql.raw(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`);

/** employees u1…u100 (with Dialpad users u1…), 60 days of scores each, 20,000 legs with masters and entry points. */
export async function seedViewsPlanData(db: Db, organizationId: number): Promise<void> {
  const dayKey = db.$engine === "postgres" ? sql.raw(`to_char(date '2026-01-01' + d.i, 'YYYY-MM-DD')`) : sql.raw(`date('2026-01-01', '+' || d.i || ' days')`);
  await executeSql(db, sql`${series(employeeCount)}
    INSERT INTO employees (organization_id, name, email, title, created_at, updated_at)
    SELECT ${organizationId}, 'Employee ' || i, 'e' || i || '@plans.test', CASE WHEN i % 2 = 0 THEN 'Sales' ELSE 'Support' END, 0, 0 FROM n`);
  await executeSql(db, sql`INSERT INTO employee_dialpad_links (organization_id, employee_id, dialpad_user_id, method, created_at, updated_at)
    SELECT organization_id, id, 'u' || id, 'manual', 0, 0 FROM employees WHERE organization_id = ${organizationId}`);
  await executeSql(db, sql`WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < ${sql.raw(String(dayCount - 1))})
    INSERT INTO daily_scores (organization_id, employee_id, day_key, role, score, talk_ms, connected_calls, voicemails_left,
      voicemails_received, missed_calls, not_answered_calls, has_activity, breakdown, facts_hash, computed_at)
    SELECT e.organization_id, e.id, ${dayKey}, e.title, 50, 60000, 3, 0, 0, 0, 0, true, '{}', '', 0
    FROM employees e, d WHERE e.organization_id = ${organizationId}`);
  await executeSql(db, sql`${series(legCount)}
    INSERT INTO calls (organization_id, dialpad_call_id, dialpad_user_id, master_call_id, entry_point_call_id, direction, state,
      started_at, event_timestamp, is_transferred, was_recorded, has_voicemail, is_internal, raw, first_synced_at, updated_at)
    SELECT ${organizationId}, 'c' || i, 'u' || (1 + i % ${sql.raw(String(employeeCount))}),
      CASE WHEN i % 10 = 0 THEN 'c' || (i - 1) END, CASE WHEN i % 7 = 0 THEN 'c' || (i - 2) END, 'outbound', 'hangup',
      1767225600000 + i * 60000, 1767225600000 + i * 60000, false, false, false, false, '{}', 0, i FROM n`);
  await executeSql(db, sql`INSERT INTO call_day_entries (organization_id, employee_id, day_key, call_id, kind, counted_ms,
      contribution_ms, is_flagged, is_start_day, counts_as_connected_call, reason)
    SELECT c.organization_id, l.employee_id, '2026-01-' || (10 + c.id % 20), c.id, 'connected', 1000, 1000, false, true, true, ''
    FROM calls c JOIN employee_dialpad_links l ON l.organization_id = c.organization_id AND l.dialpad_user_id = c.dialpad_user_id
    WHERE c.organization_id = ${organizationId}`);
  if (db.$engine === "postgres") await executeSql(db, sql`ANALYZE`);
}
