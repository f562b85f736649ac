export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export function hasMismatch(counts: TableCount[]): boolean {
  return counts.some((c) => c.source !== c.target);
}

/** A plain-text table: one line per table, the mismatches marked. */
export function formatRowCounts(counts: TableCount[]): string {
  const header = ["table", "sqlite", "postgres", "check"];
  const rows = counts.map((c) => [c.table, String(c.source), String(c.target), c.source === c.target ? "ok" : "MISMATCH"]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
