import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createOrganization, createViewer } from "@/tests/factories";
import { expect, test } from "./support/test";
import { hasSession, signInByApi } from "./support/api-sign-in";
import { listAppRoutes, listServerActionNames, listServerActions } from "./support/app-routes";
import { getE2eDb } from "./support/e2e-db";
import { actionRequests, type FuzzDepth, type FuzzRequest, routeRequests, unknownActionRequests } from "./fuzz-inputs";

// Issue 14: hostile input to every page, API route and server action, as every role, never gets a 5xx.
// Routes and actions come from the filesystem and the build, so a new one is fuzzed without editing this.
// The users belong to an organization of their own: actions that succeed on garbage (sign out everywhere,
// disconnect, sync now) touch nothing the other specs use.

type Role = "admin" | "manager" | "employee" | "signed out";
type Account = { email: string; password: string } | null;

const concurrency = 6;
// The admin reaches every page and action, and signed-out requests mostly end in the proxy: both get
// everything. A manager and an employee differ only in what they may see: they get a sample of each kind.
const depthByRole: Record<Role, FuzzDepth> = { admin: "full", "signed out": "full", manager: "light", employee: "light" };
const accounts = new Map<Role, Account>([["signed out", null]]);

test.beforeAll(async () => {
  const db = getE2eDb();
  const organization = await createOrganization(db, { name: "Fuzz Works" });
  const admin = await createViewer(db, organization, { role: "admin" });
  const manager = await createViewer(db, organization, { role: "manager" });
  const employee = await createViewer(db, organization, { role: "employee", managerId: manager.employee?.id });
  for (const [role, { user }] of [["admin", admin], ["manager", manager], ["employee", employee]] as const) {
    accounts.set(role, { email: user.email, password: user.password });
  }
});

/** Sends the requests `concurrency` at a time; returns one line per 5xx (or request that got no answer). */
async function sendAll(api: APIRequestContext, requests: FuzzRequest[]): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...requests];
  const send = async (request: FuzzRequest) => {
    const where = `${request.method} ${request.url.slice(0, 160)}${request.headers?.["Next-Action"] ? ` (action ${request.headers["Next-Action"].slice(0, 12)})` : ""}`;
    try {
      const response = await api.fetch(request.url, { method: request.method, headers: request.headers, data: request.data, multipart: request.multipart, maxRedirects: 0, timeout: 60_000 });
      if (response.status() >= 500) failures.push(`${response.status()} ${where}: ${(await response.text()).slice(0, 200)}`);
    } catch (error) {
      failures.push(`no answer ${where}: ${String(error).split("\n")[0]}`);
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let request = queue.shift(); request; request = queue.shift()) await send(request);
    }),
  );
  return failures;
}

test("the fuzz covers every page, API route and server action", () => {
  const actions = listServerActions();
  // An action module the build does not know would be called by nothing; one the filesystem misses is named here.
  expect(actions.map((action) => action.name)).toEqual(listServerActionNames());
  expect(actions.length).toBeGreaterThanOrEqual(24);
  expect(listAppRoutes().map((route) => route.file)).toEqual(
    expect.arrayContaining(["(app)/employees/[id]/calls/[callId]/page.tsx", "api/auth/[...nextauth]/route.ts", "api/webhooks/dialpad/route.ts"]),
  );
});

const roleLabels: Record<Role, string> = { admin: "as an admin", manager: "as a manager", employee: "as an employee", "signed out": "signed out" };

for (const role of ["admin", "manager", "employee", "signed out"] as const) {
  test(`no hostile request ${roleLabels[role]} gets a 5xx`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const api = await playwrightRequest.newContext({ baseURL });
    const account = accounts.get(role)!;
    if (account) await signInByApi(api, account);
    const depth = depthByRole[role];
    const routeRequestList = listAppRoutes().flatMap((route) => routeRequests(route, depth));
    const failures = await sendAll(api, routeRequestList);

    const actions = listServerActions();
    for (const action of actions) {
      // Some actions succeed on any input and end the session (sign out everywhere): sign in again.
      if (account && !(await hasSession(api))) await signInByApi(api, account);
      failures.push(...(await sendAll(api, actionRequests(action, depth))));
    }
    failures.push(...(await sendAll(api, [...new Set(actions.map((action) => action.pagePath))].flatMap(unknownActionRequests))));
    await api.dispose();
    expect(failures).toEqual([]);
  });
}
