// Who is scored how: an employee's role, local-day calendar and work week, and a role's settings.
import type { Employee, Organization, ScoreSetting } from "@/db/schema";
import { getLocalDayCalendar, type LocalDayCalendar } from "@/lib/dates";
import { defaultSignalWeights, suggestedDefaultTargets, type SignalKey } from "@/lib/scoring/score";

/** The default role: employees without a title, and the settings every role without its own uses. */
export const DEFAULT_ROLE = "";

/** An employee's role is their trimmed title; no title is the default role. */
export function getRoleKey(title: string | null | undefined): string {
  return title?.trim() ?? DEFAULT_ROLE;
}

export function getRoleLabel(role: string): string {
  return role === DEFAULT_ROLE ? "Default (no title)" : role;
}

/** "1,2,3,4,5" → [1, 2, 3, 4, 5]; unknown parts are ignored. */
export function parseWorkWeek(workWeek: string): number[] {
  return workWeek
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
}

export function getEmployeeTimeZone(employee: Pick<Employee, "timezone">, organization: Pick<Organization, "timezone">): string {
  return employee.timezone ?? organization.timezone;
}

export function getEmployeeCalendar(
  employee: Pick<Employee, "timezone">,
  organization: Pick<Organization, "timezone" | "dayStartHour">,
): LocalDayCalendar {
  return getLocalDayCalendar(getEmployeeTimeZone(employee, organization), organization.dayStartHour);
}

export interface RoleSettings {
  role: string;
  weights: Record<SignalKey, number>;
  /** Default targets: the baseline until the role has 5 active days in the window. Talk time in ms. */
  targets: Record<SignalKey, number>;
  /** Where the values come from: the role's own row, the default role's row, or Daymark's defaults. */
  source: "role" | "default_role" | "built_in";
}

function fromRow(role: string, row: ScoreSetting, source: RoleSettings["source"]): RoleSettings {
  return {
    role,
    weights: { talkTime: row.talkTimeWeight, connectedCalls: row.connectedCallsWeight },
    targets: { talkTime: row.defaultTalkTimeTargetMs, connectedCalls: row.defaultConnectedCallsTarget },
    source,
  };
}

export function resolveRoleSettings(rows: readonly ScoreSetting[], role: string): RoleSettings {
  const own = rows.find((row) => row.role === role);
  if (own) return fromRow(role, own, role === DEFAULT_ROLE ? "default_role" : "role");
  const fallback = rows.find((row) => row.role === DEFAULT_ROLE);
  if (fallback) return fromRow(role, fallback, "default_role");
  return { role, weights: { ...defaultSignalWeights }, targets: { ...suggestedDefaultTargets }, source: "built_in" };
}
