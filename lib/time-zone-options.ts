import { canonicalTimeZone } from "@/lib/canonical-time-zone";

export type TimeZoneOption = { value: string; label: string; offsetMinutes: number };

/** The zone's offset from UTC at `at`, in minutes east of UTC (New York in winter: -300). */
export function getUtcOffsetMinutes(zone: string, at: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** "(UTC−05:00)", with a real minus sign, as pickers show it. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "−" : "+";
  const abs = Math.abs(offsetMinutes);
  return `(UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")})`;
}

/** Picker options by current IANA names, west to east, then by name: "(UTC−05:00) America/New_York". */
export function listTimeZoneOptions(zones: string[], at: number): TimeZoneOption[] {
  const unique = [...new Set(zones.map(canonicalTimeZone))];
  return unique
    .map((zone) => {
      const offsetMinutes = getUtcOffsetMinutes(zone, at);
      return { value: zone, label: `${formatUtcOffset(offsetMinutes)} ${zone}`, offsetMinutes };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.value.localeCompare(b.value));
}

/**
 * The picker's options as of now. Computed on the server and handed to the client: a browser's own
 * time-zone data may give some zones other offsets, and differing option text fails hydration.
 */
export function listTimeZoneOptionsNow(zones: string[]): TimeZoneOption[] {
  return listTimeZoneOptions(zones, Date.now());
}

/** Whether an option matches what someone typed: any word of the name, the offset ("-5", "+05:30") or a city with spaces. */
export function matchesTimeZoneQuery(option: TimeZoneOption, query: string): boolean {
  const normalize = (text: string) => text.toLowerCase().replaceAll("−", "-").replaceAll("_", " ");
  const wanted = normalize(query.trim());
  if (!wanted) return true;
  const haystack = normalize(option.label);
  return wanted.split(/\s+/).every((word) => haystack.includes(word));
}
