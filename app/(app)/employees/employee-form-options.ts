import type { SelectOption } from "@/components/ui/field";
import type { Employee } from "@/db/schema";
import { listTimeZones } from "@/lib/services/organizations/timezones";

/** Managers to choose from: every other active employee, plus the current manager even if inactive. */
export function managerOptions(employees: Employee[], current?: Employee): SelectOption[] {
  return employees
    .filter((e) => e.id !== current?.id && (e.isActive || e.id === current?.managerId))
    .map((e) => ({ value: String(e.id), label: `${e.name} (${e.email})` }));
}

/** The picker's zones, keeping a stored alias (say "Asia/Kolkata") selectable when ICU lists another spelling. */
export function timeZoneOptions(current?: string | null): string[] {
  const zones = listTimeZones();
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
