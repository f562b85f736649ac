// Turns queued "calls" and "employee" rows into per-employee recomputes.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { QueueRow } from "@/db/queries/score-queue";
import { employeeDialpadLinks, employees, type Organization } from "@/db/schema";
import { listDayKeys, type DayKey } from "@/lib/dates";
import { recomputeEmployee } from "./recompute-employee";
import { runLogged, yieldToEventLoop } from "./run-logged";
import { getEmployeeCalendar } from "./scoring-context";

export async function recomputeFacts(db: Db, organization: Organization, rows: readonly QueueRow[]): Promise<void> {
  const fullEmployees = new Set<number>();
  const spansByUser = new Map<string, { from: number; to: number }[]>();
  for (const row of rows) {
    if (row.kind === "employee" && row.employeeId !== null) fullEmployees.add(row.employeeId);
    if (row.kind !== "calls" || row.dialpadUserId === null || row.fromMs === null || row.toMs === null) continue;
    const spans = spansByUser.get(row.dialpadUserId) ?? [];
    spans.push({ from: row.fromMs, to: row.toMs });
    spansByUser.set(row.dialpadUserId, spans);
  }
  const now = Date.now();
  for (const employeeId of fullEmployees) {
    await runLogged(employeeId, () => recomputeEmployee(db, organization, employeeId, { kind: "all" }, now));
    await yieldToEventLoop();
  }
  for (const [employeeId, days] of await mapSpansToDays(db, organization, spansByUser)) {
    if (fullEmployees.has(employeeId)) continue;
    await runLogged(employeeId, () => recomputeEmployee(db, organization, employeeId, { kind: "days", days }, now));
    await yieldToEventLoop();
  }
}

/** The local days each changed leg touched, per employee mapped to its Dialpad user now; unmapped users' calls count for nobody. */
async function mapSpansToDays(
  db: Db,
  organization: Organization,
  spansByUser: ReadonlyMap<string, { from: number; to: number }[]>,
): Promise<Map<number, Set<DayKey>>> {
  const result = new Map<number, Set<DayKey>>();
  if (spansByUser.size === 0) return result;
  const rows = db
    .select({ employeeId: employees.id, dialpadUserId: employeeDialpadLinks.dialpadUserId, timezone: employees.timezone })
    .from(employeeDialpadLinks)
    .innerJoin(employees, eq(employees.id, employeeDialpadLinks.employeeId))
    .where(and(eq(employeeDialpadLinks.organizationId, organization.id), inArray(employeeDialpadLinks.dialpadUserId, [...spansByUser.keys()])))
    .all();
  for (const row of rows) {
    await runLogged(row.employeeId, () => {
      const calendar = getEmployeeCalendar(row, organization);
      const days = new Set<DayKey>();
      for (const span of spansByUser.get(row.dialpadUserId!) ?? []) {
        for (const dayKey of listDayKeys(calendar.getDayKey(span.from), calendar.getDayKey(span.to))) days.add(dayKey);
      }
      result.set(row.employeeId, days);
    });
  }
  return result;
}
