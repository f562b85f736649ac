// JSON text for webhook bodies. Node 20 has no JSON.rawJSON, so a bigint (an int64 at or above 2^53) is
// stringified through a marker string and the marker is then replaced by the exact digits, unquoted.
const marker = "\u0000int64:";
const markedLiteral = /"\\u0000int64:(-?\d+)"/g;

export function stringifyExact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${marker}${v}` : v)).replace(markedLiteral, "$1");
}
