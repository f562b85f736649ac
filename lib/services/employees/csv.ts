export type CsvParseResult = { ok: true; records: string[][] } | { ok: false; row: number; message: string };

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" escapes a quote), quoted
 * fields may span lines, records end in CRLF, LF or CR, and a leading UTF-8 BOM is ignored.
 * Records keep their position, so records[0] is spreadsheet row 1 (blank rows included).
 */
export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < input.length) {
    let field = "";
    if (input[i] === '"') {
      const startRow = records.length + 1;
      i += 1;
      for (;;) {
        if (i >= input.length) return { ok: false, row: startRow, message: "A quoted field is never closed." };
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += input[i];
        i += 1;
      }
      if (i < input.length && !isDelimiter(input[i])) {
        return { ok: false, row: startRow, message: "Unexpected text after a closing quote." };
      }
    } else {
      while (i < input.length && !isDelimiter(input[i])) {
        field += input[i];
        i += 1;
      }
    }
    record.push(field);
    if (input[i] === ",") {
      i += 1;
      if (i === input.length) record.push("");
      continue;
    }
    // End of line or end of input closes the record.
    if (input[i] === "\r" && input[i + 1] === "\n") i += 1;
    i += 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return { ok: true, records };
}

function isDelimiter(char: string | undefined): boolean {
  return char === "," || char === "\n" || char === "\r";
}

/** The inverse of parseCsv, quoting only where needed; used by tests and downloads. */
export function formatCsv(records: string[][]): string {
  return records
    .map((fields) => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(","))
    .join("\r\n");
}
