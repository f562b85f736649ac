import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { listDataViews } from "@/db/queries/data-views";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import type { Employee, Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";

let db: Db;
let signedIn: Viewer | null = null;
vi.mock("@/lib/session", () => ({ getViewer: async () => signedIn }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => db }));

const { GET: getTeam } = await import("./team/route");
const { GET: getCalls } = await import("./employees/[id]/calls/route");
const { GET: getScores } = await import("./employees/[id]/scores/route");

const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour, minute);

let org: Organization;
let admin: Viewer;
let manager: Viewer;
let mona: Employee;
let rita: Employee;
let peer: Employee;
let hidden: Employee;
let foreign: Employee;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
  const boss = await createViewer(db, org, { role: "manager", name: "Mona Manager" });
  manager = boss.viewer;
  mona = boss.employee!;
  rita = await createEmployee(db, org, { name: "Rita Report", managerId: mona.id });
  hidden = await createEmployee(db, org, { name: "Hal Hidden", managerId: mona.id, hiddenAt: at(1, 0) });
  peer = await createEmployee(db, org, { name: "Pat Peer" });
  foreign = await createEmployee(db, await createOrganization(db), { name: "Fox Foreign" });
  await linkEmployee(db, mona, "u-mona");
  await linkEmployee(db, rita, "u-rita");
  // Tue 10 Mar: three 10-minute calls (score 25 against the default targets), one to a number a manager sees masked.
  await insertLegs(db, org.id, [
    buildLeg("u-rita", { startedAt: at(10, 9), connectedAt: at(10, 9, 1), endedAt: at(10, 9, 11), direction: "outbound", externalNumber: "+14155550142" }),
    buildLeg("u-rita", { startedAt: at(10, 10), connectedAt: at(10, 10), endedAt: at(10, 10, 10), direction: "inbound", contactName: "=HYPERLINK(\"x\")" }),
    buildLeg("u-rita", { startedAt: at(10, 11), connectedAt: at(10, 11), endedAt: at(10, 11, 10), direction: "outbound", externalNumber: "+442071838750" }),
  ]);
  await scoreQueuedDays(db, org.id);
  await upsertDialpadConnection(db, {
    organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt: at(11, 12), updatedAt: 0,
  });
  await insertSyncRun(db, {
    organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0,
    status: "succeeded", rangeStart: at(9, 0), rangeEnd: at(11, 12), windowEnd: at(9, 0),
  });
  signedIn = manager;
});

const request = (path: string) => new Request(`http://localhost${path}`);
const withId = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const lines = async (response: Response) => (await response.text()).split("\r\n");

describe("GET /api/exports/team", () => {
  it("streams the manager's people, one row per person-day, with each signal's value, baseline, points and weight", async () => {
    const response = await getTeam(request("/api/exports/team?from=2026-03-08&to=2026-03-10"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="daymark-team-2026-03-08-to-2026-03-10.csv"');
    expect(await lines(response)).toEqual([
      "Date,Employee,Employee ID,Role,Score,Status,Talk time (s),Talk time baseline (s),Talk time points,Talk time weight,"
        + "Connected calls,Connected calls baseline,Connected calls points,Connected calls weight,Voicemails left,Missed calls",
      `2026-03-08,Mona Manager,${mona.id},,,No score: no data synced for this day,,,,,,,,,,`,
      `2026-03-09,Mona Manager,${mona.id},,0,Scored,0,3600,0,3,0,10,0,2,0,0`,
      `2026-03-10,Mona Manager,${mona.id},,0,Scored,0,3600,0,3,0,10,0,2,0,0`,
      `2026-03-08,Rita Report,${rita.id},,,No score: no data synced for this day,,,,,,,,,,`,
      `2026-03-09,Rita Report,${rita.id},,0,Scored,0,3600,0,3,0,10,0,2,0,0`,
      `2026-03-10,Rita Report,${rita.id},,25,Scored,1800,3600,30,3,3,10,18,2,0,0`,
      "",
    ]);
  });

  it("records the export in the audit log and in each exported person's 'who opened my data' log", async () => {
    await (await getTeam(request("/api/exports/team?from=2026-03-10&to=2026-03-10"))).text();
    const { events } = await listAuditEvents(db, { organizationId: org.id, filters: { action: "data.exported" }, limit: 5, offset: 0 });
    expect(events.map((event) => [event.actorName, event.summary])).toEqual([
      ["Mona Manager", "Exported the team's scores for Tue 10 Mar 2026 (2 people, CSV)"],
    ]);
    const views = await listDataViews(db, { organizationId: org.id, employeeId: rita.id, since: 0, limit: 5 });
    expect(views.map((view) => [view.viewerName, view.kind])).toEqual([["Mona Manager", "export"]]);
    // Her own row is no visit to her own data.
    expect(await listDataViews(db, { organizationId: org.id, employeeId: mona.id, since: 0, limit: 5 })).toEqual([]);
  });

  it("answers a bad range with 400 and a message that says what to send", async () => {
    const cases: [string, string][] = [
      ["", "Give the days to export as from=YYYY-MM-DD&to=YYYY-MM-DD (from = to for one day)."],
      ["?from=2026-03-10", "Give the days to export as from=YYYY-MM-DD&to=YYYY-MM-DD (from = to for one day)."],
      ["?from=2026-02-30&to=2026-03-10", "“2026-02-30” is not a date. Use YYYY-MM-DD, for example 2026-11-30."],
      ["?from=2026-03-10&to=2026-03-09", "The range ends (Mon 9 Mar 2026) before it starts (Tue 10 Mar 2026)."],
      ["?from=2025-01-01&to=2026-03-10", "Choose at most 366 days: Wed 1 Jan 2025 to Tue 10 Mar 2026 is 434 days."],
    ];
    for (const [query, message] of cases) {
      const response = await getTeam(request(`/api/exports/team${query}`));
      expect([response.status, await response.text()]).toEqual([400, `${message}\n`]);
    }
  });

  it("answers 401 when nobody is signed in", async () => {
    signedIn = null;
    const response = await getTeam(request("/api/exports/team?from=2026-03-10&to=2026-03-10"));
    expect([response.status, await response.text()]).toEqual([401, "Sign in to export data.\n"]);
  });
});

describe("GET /api/exports/employees/{id}/calls", () => {
  it("lists the day's legs with zone, masked numbers for a manager and neutralised formulas", async () => {
    const response = await getCalls(request(`/api/exports/employees/${rita.id}/calls?date=2026-03-10`), withId(rita.id));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="daymark-calls-rita-report-2026-03-10.csv"');
    expect(await lines(response)).toEqual([
      "Start,Direction,Other party,Number,Duration (s),Talk time (s),Counted (s),Added to the day (s),Status,Flagged,Reason",
      expect.stringMatching(/^2026-03-10 09:00:00 UTC,Outbound,'\+1 ••• ••• 0142,'\+1 ••• ••• 0142,660,600,600,600,Counted,No,/),
      expect.stringMatching(/^2026-03-10 10:00:00 UTC,Inbound,"'=HYPERLINK\(""x""\)",,600,600,600,600,Counted,No,/),
      expect.stringMatching(/^2026-03-10 11:00:00 UTC,Outbound,'\+44 ••• ••• 8750,'\+44 ••• ••• 8750,600,600,600,600,Counted,No,/),
      "",
    ]);
  });

  it("shows an admin numbers whole, and reads the legs in keyset pages", async () => {
    signedIn = admin;
    const { exportEmployeeCalls } = await import("@/lib/services/exports/export-calls");
    const csv = await exportEmployeeCalls(db, admin, rita.id, { date: "2026-03-10", pageSize: 2 });
    const text = await new Response(csv.body).text();
    expect(text.split("\r\n").slice(1, 4).map((line) => line.split(",")[3])).toEqual(["'+14155550142", "", "'+442071838750"]);
  });

  it("answers 404 for people outside the viewer's scope, hidden people, unknown ids and other organizations", async () => {
    const cases: [Viewer, number | string][] = [[manager, peer.id], [manager, hidden.id], [admin, hidden.id], [admin, foreign.id], [admin, 999_999], [admin, "abc"]];
    for (const [viewer, id] of cases) {
      signedIn = viewer;
      const response = await getCalls(request(`/api/exports/employees/${id}/calls?date=2026-03-10`), withId(id));
      expect([id, response.status, await response.text()]).toEqual([id, 404, "Employee not found.\n"]);
    }
  });

  it("answers a missing or bad date with 400", async () => {
    const response = await getCalls(request(`/api/exports/employees/${rita.id}/calls?date=10/03/2026`), withId(rita.id));
    expect([response.status, await response.text()]).toEqual([400, "Give the day to export as date=YYYY-MM-DD, for example date=2026-11-30.\n"]);
  });
});

describe("GET /api/exports/employees/{id}/scores", () => {
  it("gives an employee their own days, no-data days marked rather than zero, and nobody else's", async () => {
    const { viewer: eve, employee: eveEmployee } = await createViewer(db, org, { role: "employee", name: "Eve Employee", managerId: mona.id });
    signedIn = eve;
    const own = await getScores(request(`/api/exports/employees/${eveEmployee!.id}/scores?from=2026-03-10&to=2026-03-10`), withId(eveEmployee!.id));
    expect((await lines(own))[1]).toBe(`2026-03-10,Eve Employee,${eveEmployee!.id},,,No score: not mapped to a Dialpad user,,,,,,,,,,`);
    const other = await getScores(request(`/api/exports/employees/${rita.id}/scores?from=2026-03-10&to=2026-03-10`), withId(rita.id));
    expect(other.status).toBe(404);
  });
});
