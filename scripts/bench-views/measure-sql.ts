// The SQL behind a view, measured in this process: the view's service runs once with its statements
// captured, then each SELECT runs again on its own (warm median of 11) and the heaviest are explained
// (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { captureQueries, explainQuery, runCapturedQuery, type CapturedQuery } from "@/db/queries/testing/query-plans";
import { median } from "./measure-pages";

export interface SqlFigure {
  label: string;
  totalMs: number;
  statements: number;
  heaviest: { sql: string; ms: number; plan: string[] }[];
}

const runs = 11;
const shown = 3;

async function timeQuery(db: Db, query: CapturedQuery): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await runCapturedQuery(db, query);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function measureViewSql(db: Db, label: string, run: () => Promise<unknown>): Promise<SqlFigure> {
  const { queries } = await captureQueries(db, run);
  const selects = queries.filter((query) => /^\s*(select|with)\b/i.test(query.sql));
  const timed = [];
  for (const query of selects) timed.push({ query, ms: await timeQuery(db, query) });
  const heaviest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, shown);
  return {
    label,
    totalMs: timed.reduce((sum, { ms }) => sum + ms, 0),
    statements: queries.length,
    heaviest: await Promise.all(
      heaviest.map(async ({ query, ms }) => ({ sql: query.sql, ms, plan: await explainQuery(db, query, { analyze: true }) })),
    ),
  };
}

export function printSqlFigure(figure: SqlFigure): void {
  console.log(`\n  SQL of ${figure.label}: ${figure.totalMs.toFixed(2)} ms over ${figure.statements} statements (each a warm median of ${runs}); the heaviest:`);
  for (const { sql, ms, plan } of figure.heaviest) {
    const text = sql.replace(/\s+/g, " ");
    console.log(`    ${ms.toFixed(2)} ms  ${text.length > 220 ? `${text.slice(0, 220)}…` : text}`);
    for (const line of plan) console.log(`        ${line}`);
  }
}
