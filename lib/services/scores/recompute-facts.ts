// Turns queued "calls" and "employee" rows into per-employee recomputes.
import type { Db } from "@/db/client";
import type { QueueRow } from "@/db/queries/score-queue";
import { listEmployeesMappedTo } from "@/db/queries/scores";
import type { Organization } from "@/db/schema";
import { recomputeEmployee, type TimeSpan } from "./recompute-employee";
import { runLogged, yieldToEventLoop } from "./run-logged";

/** `afterEach` runs between employees (the drain renews its claim there). */
export async function recomputeFacts(
  db: Db,
  organization: Organization,
  rows: readonly QueueRow[],
  afterEach: () => Promise<void> = async () => {},
): Promise<void> {
  const fullEmployees = new Set<number>();
  const spansByUser = new Map<string, TimeSpan[]>();
  for (const row of rows) {
    if (row.kind === "employee" && row.employeeId !== null) fullEmployees.add(row.employeeId);
    if (row.kind !== "calls" || row.dialpadUserId === null || row.fromMs === null || row.toMs === null) continue;
    const spans = spansByUser.get(row.dialpadUserId) ?? [];
    spans.push({ from: row.fromMs, to: row.toMs });
    spansByUser.set(row.dialpadUserId, spans);
  }
  const now = Date.now();
  for (const employeeId of fullEmployees) {
    await runLogged(employeeId, () => recomputeEmployee(db, organization.id, employeeId, { kind: "all" }, now));
    await afterEach();
    await yieldToEventLoop();
  }
  for (const [employeeId, spans] of await mapSpansToEmployees(db, organization.id, spansByUser)) {
    if (fullEmployees.has(employeeId)) continue;
    await runLogged(employeeId, () => recomputeEmployee(db, organization.id, employeeId, { kind: "spans", spans }, now));
    await afterEach();
    await yieldToEventLoop();
  }
}

/** The changed spans per employee mapped to their Dialpad user now; unmapped users' calls count for nobody. */
async function mapSpansToEmployees(
  db: Db,
  organizationId: number,
  spansByUser: ReadonlyMap<string, TimeSpan[]>,
): Promise<Map<number, TimeSpan[]>> {
  const result = new Map<number, TimeSpan[]>();
  for (const row of await listEmployeesMappedTo(db, organizationId, [...spansByUser.keys()])) {
    result.set(row.employeeId, spansByUser.get(row.dialpadUserId) ?? []);
  }
  return result;
}
