// RFC 4180 CSV, written a row at a time, with spreadsheet formulas neutralised.
export type CsvValue = string | number | null;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: null is empty, numbers as written, text with a leading apostrophe if it could run as a formula. */
export function encodeCsvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function encodeCsvRow(values: readonly CsvValue[]): string {
  return `${values.map(encodeCsvField).join(",")}\r\n`;
}
