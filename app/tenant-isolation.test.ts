// Route × role × tenant: two organizations made through sign-up; every admin, manager and employee of
// Bravo asks every page, layout, route handler and server action for Alpha's ids. Each page naming one of
// Alpha's ids is a 404, no page shows Alpha's data, and no call changes a single row Alpha owns. The
// modules come from the filesystem (tests/tenancy/app-routes.ts), so a new route fails here until it has a case.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { getUserById } from "@/db/queries/users";
import { userRoles } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { startUserSession } from "@/lib/services/users/sessions";
import { createTestDb } from "@/tests/db";
import { actionCases, type ActionCase } from "@/tests/tenancy/action-cases";
import { importAppModule, listAppModules } from "@/tests/tenancy/app-routes";
import { collectText, outcomeOf } from "@/tests/tenancy/outcome";
import { pageCases, type PageCase } from "@/tests/tenancy/page-cases";
import { routeCases } from "@/tests/tenancy/route-cases";
import { listUnownedTables, snapshotOrganization } from "@/tests/tenancy/snapshot";
import { arrangeTenant, tenancyEnv, type Member, type Tenant } from "@/tests/tenancy/two-organizations";

// Only what needs a Next.js request is replaced: the session cookie next-auth reads, connection(),
// after(), revalidatePath() and the process's database. Sessions, roles and services are the real ones.
const state = vi.hoisted(() => ({ session: null as unknown, db: null as unknown }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => state.session }));
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  connection: async () => undefined,
  after: (task: () => unknown) => void Promise.resolve().then(task),
}));
vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidatePath: () => undefined }));
vi.mock("@/lib/auth", async (original) => ({ ...(await original<object>()), getAuthOptions: () => ({}) }));
vi.mock("@/db/client", async (original) => ({ ...(await original<object>()), getDb: () => state.db }));

let db: Db;
let alpha: Tenant;
let bravo: Tenant;
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = await createTestDb();
  state.db = db;
  alpha = await arrangeTenant(db, "Alpha", 1000);
  bravo = await arrangeTenant(db, "Bravo", 2000);
});
afterAll(() => {
  for (const key of Object.keys(tenancyEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  resetEnvCache();
});

/** A fresh session for the member (earlier cases may have ended their sessions or bumped their version). */
async function signInAs(member: Member): Promise<void> {
  const user = (await getUserById(db, { organizationId: member.user.organizationId, userId: member.user.id }))!;
  const sessionId = await startUserSession(db, user);
  state.session = { userId: user.id, organizationId: user.organizationId, role: user.role, sessionVersion: user.sessionVersion, sessionId };
}

/** Runs `attempt` as each role of Bravo and checks that nothing Alpha owns changed (but `mayChange`, "table.column"). */
async function asEveryBravoRole(attempt: (role: string) => Promise<void>, mayChange: string[] = []): Promise<void> {
  const snapshot = async () => maskColumns(await snapshotOrganization(db, alpha.organization.id), mayChange);
  for (const role of userRoles) {
    const before = await snapshot();
    await signInAs(bravo.members[role]);
    await attempt(role);
    expect(await snapshot(), `Alpha's rows after Bravo's ${role}`).toEqual(before);
  }
}

function maskColumns(snapshot: Record<string, unknown[]>, columns: string[]): Record<string, unknown[]> {
  for (const [table, column] of columns.map((name) => name.split(".") as [string, string])) {
    snapshot[table] = (snapshot[table] ?? []).map((row) => ({ ...(row as object), [column]: "(may change)" }));
  }
  return snapshot;
}

const casesOf = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
/** Text carrying Alpha's marker or domain, except the request's own values echoed back (a search box keeps its query). */
const alphaLeaks = (texts: string[], sent: Record<string, string> = {}) =>
  texts.filter(
    (text) => (text.includes(alpha.marker) || text.includes(`@${alpha.organization.domain}`)) && !Object.values(sent).includes(text),
  );

describe("tenant isolation", () => {
  it("has a case for every page, layout, route handler and server action under app/", async () => {
    const expected: string[] = [];
    for (const { file, kind } of listAppModules()) {
      if (kind === "actions") {
        const exports = Object.entries(await importAppModule(file)).filter(([, value]) => typeof value === "function");
        expected.push(...exports.map(([name]) => `${file}#${name}`));
      } else expected.push(file);
    }
    const covered = [...Object.keys(actionCases), ...Object.keys(pageCases), ...Object.keys(routeCases)];
    expect(covered.sort()).toEqual(expected.sort());
    // The one table no organization owns: sign-in throttles, keyed by email and address. Any other table the
    // snapshot below could not attribute to an organization would escape the "changes nothing" check.
    expect(listUnownedTables(), "tables without organization_id").toEqual(["sign_in_throttles"]);
  });

  it("arranged Alpha with rows in every table a foreign id or action could reach", async () => {
    const snapshot = await snapshotOrganization(db, alpha.organization.id);
    const filled = Object.entries(snapshot).filter(([, rows]) => rows.length > 0).map(([table]) => table);
    expect(filled).toEqual(
      expect.arrayContaining([
        "organizations", "users", "user_sessions", "password_reset_tokens", "employees", "dialpad_users", "employee_dialpad_links",
        "mapping_events", "dialpad_directory_refreshes", "dialpad_connections", "oauth_states", "sync_settings", "calls",
        "daily_scores", "call_day_entries", "score_settings", "score_recompute_queue", "audit_events",
      ]),
    );
  });

  it("a role that can't open a page gets the 403 page whatever the id; unknown and foreign ids are the same 404", async () => {
    type Page = (props: unknown) => Promise<unknown>;
    const open = async (file: string, params: Record<string, string> = {}) => {
      const page = (await importAppModule<{ default: Page }>(file)).default;
      return outcomeOf(() => page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }));
    };
    const edit = "(app)/employees/[id]/edit/page.tsx";
    const profile = "(app)/employees/[id]/page.tsx";
    await signInAs(bravo.members.employee);
    expect(await open("(app)/settings/page.tsx")).toBe("403");
    expect(await open("(app)/settings/users/page.tsx")).toBe("403");
    for (const id of [alpha.employee.id, bravo.employee.id, 99_999_999]) expect(await open(edit, { id: String(id) }), `edit ${id}`).toBe("403");
    expect(await open(profile, { id: String(alpha.employee.id) })).toBe("404");
    expect(await open(profile, { id: "99999999" })).toBe("404");
    await signInAs(bravo.members.admin);
    expect(await open(edit, { id: String(alpha.employee.id) })).toBe("404");
    expect(await open(edit, { id: "99999999" })).toBe("404");
  });

  for (const [key, value] of Object.entries(actionCases)) {
    const [file, name] = key.split("#") as [string, string];
    casesOf<ActionCase>(value).forEach((actionCase, index) => {
      it(`action ${key}${index > 0 ? ` (case ${index + 1})` : ""}: Bravo changes nothing of Alpha's`, async () => {
        const action = (await importAppModule(file))[name] as (state: null, form: FormData) => Promise<unknown>;
        await asEveryBravoRole(async (role) => {
          const form = new FormData();
          for (const [field, fieldValue] of Object.entries(actionCase.fields(alpha, bravo))) form.append(field, fieldValue);
          const outcome = await outcomeOf(() => action(null, form));
          expect(outcome, `${role}: still signed in`).not.toBe("redirect:/login");
          if (actionCase.isForeign) expect(outcome, `${role}: refused`).toMatch(/^(404|refused: .+)$/);
        });
      });
    });
  }

  for (const [file, value] of Object.entries(pageCases)) {
    casesOf<PageCase>(value).forEach((pageCase, index) => {
      it(`page ${file}${index > 0 ? ` (case ${index + 1})` : ""}: ${pageCase.isForeign ? "404" : "nothing of Alpha's"} for Bravo`, async () => {
        const page = (await importAppModule<{ default: (props: unknown) => unknown }>(file)).default;
        await asEveryBravoRole(async (role) => {
          let tree: unknown;
          const query = pageCase.searchParams?.(alpha) ?? {};
          const props = { params: Promise.resolve(pageCase.params?.(alpha, bravo) ?? {}), searchParams: Promise.resolve(query), children: null };
          const outcome = await outcomeOf(async () => void (tree = await page(props)));
          expect(outcome, `${role}: still signed in`).not.toBe("redirect:/login");
          if (pageCase.isForeign && outcome === "403") {
            // A role that can't open the page at all: the same 403 for Bravo's own ids, so it confirms nothing about Alpha's.
            const ownProps = { ...props, params: Promise.resolve(pageCase.params?.(bravo, alpha) ?? {}) };
            expect(await outcomeOf(async () => void (await page(ownProps))), `${role}: 403 whatever the id`).toBe("403");
          } else if (pageCase.isForeign) expect(outcome, role).toBe("404");
          else expect(alphaLeaks(collectText(tree), query), role).toEqual([]);
        });
      });
    });
  }

  for (const [file, routeCase] of Object.entries(routeCases)) {
    if ("skip" in routeCase) continue;
    it(`route ${routeCase.method} ${file}: Alpha's identifiers get Bravo nothing`, async () => {
      type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      const handler = (await importAppModule(file))[routeCase.method] as Handler;
      await asEveryBravoRole(async (role) => {
        const response = await handler(routeCase.request(alpha), { params: Promise.resolve(routeCase.params?.(alpha) ?? {}) });
        expect(routeCase.expected(role), `${role}: status ${response.status}`).toContain(response.status);
        expect(alphaLeaks([await response.text(), response.headers.get("location") ?? ""]), role).toEqual([]);
        if (file.includes("callback") && role === "admin") expect(response.headers.get("location")).toContain("reason=invalid_state");
      }, routeCase.mayChange);
    });
  }
});
