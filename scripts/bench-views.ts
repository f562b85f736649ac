import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import type { Viewer } from "@/lib/services/access/viewer";
import { getCallDetail } from "@/lib/services/views/get-call-detail";
import { getEmployeeDay } from "@/lib/services/views/get-employee-day";
import { openBenchDatabase, type BenchManifest } from "./bench-views/build-database";
import { measurePage, type PageFigure } from "./bench-views/measure-pages";
import { measureViewSql, printSqlFigure } from "./bench-views/measure-sql";
import { prepareBuild, signIn, startApp } from "./bench-views/serve";
import { listTrailingDays } from "@/lib/services/views/day-param";

// `npm run bench:views [-- --engine sqlite|postgres|both] [--legs 10000000] [--rebuild] [--database-only | --sql-only] [--commit HEAD] [--requests 30]
// [--postgres postgres://…]`: the manager views on a database of 10 M legs (2,000 employees, one year),
// built once per engine and size and cached (scripts/bench-views/build-database.ts; --rebuild builds it
// again), served by `next start` from a build of the last commit (scripts/bench-views/serve.ts). Prints warm medians over 30 requests
// of /login (the static baseline) and each view, with its ratio to /login and issue 17's goal, then the
// SQL time of the heavy views and their heaviest statements' plans. PostgreSQL: --postgres, else
// DAYMARK_TEST_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres. Not part of `npm test`.

const { values: flags } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    legs: { type: "string", default: "10000000" },
    rebuild: { type: "boolean", default: false },
    requests: { type: "string", default: "30" },
    "database-only": { type: "boolean", default: false },
    "sql-only": { type: "boolean", default: false },
    commit: { type: "string", default: "HEAD" },
    postgres: { type: "string" },
  },
});

const engines = flags.engine === "both" ? (["sqlite", "postgres"] as const) : ([flags.engine] as ("sqlite" | "postgres")[]);
const legs = Number(flags.legs);
const requests = Number(flags.requests);
const postgresServerUrl = flags.postgres ?? process.env.DAYMARK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const goals: Record<string, number> = { "call detail": 2, "employee day": 3, "team day": 3, "team range": 5 };

async function benchEngine(manifest: BenchManifest, appDir: string, logDir: string): Promise<PageFigure[]> {
  const app = await startApp(appDir, manifest.url, path.join(logDir));
  try {
    const admin = await signIn(app.baseUrl, manifest.admin);
    const manager = await signIn(app.baseUrl, manifest.manager);
    const range = listTrailingDays(manifest.busyDay, 31);
    return [
      await measurePage(app.baseUrl, "/login (static)", "/login", null, requests),
      await measurePage(app.baseUrl, "call detail", `/employees/${manifest.call.employeeId}/calls/${manifest.call.id}`, admin, requests),
      await measurePage(app.baseUrl, "employee day", `/employees/${manifest.busyEmployeeId}?date=${manifest.busyDay}`, admin, requests),
      await measurePage(app.baseUrl, "team day", `/team?date=${manifest.busyDay}`, admin, requests),
      await measurePage(app.baseUrl, "team range", `/team/range?from=${range.from}&to=${range.to}`, manager, requests),
    ];
  } finally {
    await app.stop();
  }
}

function printPages(figures: PageFigure[]): void {
  const login = figures[0]!.medianMs!;
  for (const figure of figures) {
    const goal = goals[figure.label];
    const value = figure.medianMs === null ? `not available (${figure.status})` : `${figure.medianMs.toFixed(1).padStart(8)} ms`;
    const ratio = figure.medianMs === null ? "" : `${(figure.medianMs / login).toFixed(1).padStart(6)}×`;
    const verdict = goal === undefined || figure.medianMs === null ? "" : `goal ≤ ${goal}× ${figure.medianMs / login <= goal ? "met" : "NOT met"}`;
    console.log(`  ${figure.label.padEnd(16)} ${value} ${ratio}  ${(figure.bytes / 1024).toFixed(0).padStart(6)} KiB  ${verdict}   ${figure.path}`);
  }
}

async function measureSql(manifest: BenchManifest): Promise<void> {
  const db: Db = openDatabase(manifest.url);
  const viewer: Viewer = { userId: 1, organizationId: manifest.organizationId, role: "admin", email: manifest.admin.email, name: "Bench Admin", employeeId: null };
  try {
    printSqlFigure(await measureViewSql(db, "the call detail", () => getCallDetail(db, viewer, { employeeId: manifest.call.employeeId, callId: manifest.call.id })));
    printSqlFigure(await measureViewSql(db, "the employee day (300 calls)", () => getEmployeeDay(db, viewer, { employeeId: manifest.busyEmployeeId, date: manifest.busyDay })));
    const { getTeamDay } = await import("@/lib/services/views/get-team-day");
    printSqlFigure(await measureViewSql(db, "the team day (service)", () => getTeamDay(db, viewer, { date: manifest.busyDay })));
  } finally {
    await closeDatabase(db);
  }
}

async function main(): Promise<void> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-bench-views-"));
  console.log(`bench:views: ${legs.toLocaleString("en-US")} legs, engines ${engines.join(", ")}; next start logs in ${logDir}`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);
  const manifests: BenchManifest[] = [];
  for (const engine of engines) manifests.push(await openBenchDatabase(engine, legs, { rebuild: flags.rebuild, postgresServerUrl }));
  if (flags["database-only"]) return;
  const { appDir, commit } = flags["sql-only"] ? { appDir: "", commit: "" } : prepareBuild(flags.commit);
  if (commit) console.log(`  serving commit ${commit}, built in ${appDir}`);
  for (const manifest of manifests) {
    const b = manifest.buildSeconds;
    console.log(`\n${manifest.engine}: ${manifest.rows.calls.toLocaleString("en-US")} legs, ${manifest.rows.dailyScores.toLocaleString("en-US")} daily scores, ` +
      `${manifest.rows.callDayEntries.toLocaleString("en-US")} call day entries; built in ${(b.insert + b.indexes + b.scores + b.analyze).toFixed(0)} s ` +
      `(insert ${b.insert.toFixed(0)} s, indexes ${b.indexes.toFixed(0)} s, scores ${b.scores.toFixed(0)} s${b.analyze ? `, analyze ${b.analyze.toFixed(0)} s` : ""})`);
    if (appDir) printPages(await benchEngine(manifest, appDir, logDir));
    await measureSql(manifest);
  }
  console.log(`\n  (load average ${os.loadavg()[0]!.toFixed(1)} at end)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
