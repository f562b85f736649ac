import type { SelectOption } from "@/components/ui/field";
import type { Employee } from "@/db/schema";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { listTimeZones } from "@/lib/services/organizations/timezones";
import { listTimeZoneOptionsNow, type TimeZoneOption } from "@/lib/time-zone-options";

/** Managers to choose from: every other active employee, plus the current manager even if inactive. */
export function managerOptions(employees: Employee[], current?: Employee): SelectOption[] {
  return employees
    .filter((e) => e.id !== current?.id && (e.isActive || e.id === current?.managerId))
    .map((e) => ({ value: String(e.id), label: `${e.name} (${e.email})` }));
}

/** The picker's zones by current IANA names, keeping a stored zone the list lacks selectable. */
export function timeZoneOptions(current?: string | null): TimeZoneOption[] {
  const zones = listTimeZones();
  const zone = current ? canonicalTimeZone(current) : null;
  return listTimeZoneOptionsNow(zone && !zones.includes(zone) ? [zone, ...zones] : zones);
}
