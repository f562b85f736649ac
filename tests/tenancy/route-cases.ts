import { NextRequest } from "next/server";
import type { Tenant } from "./two-organizations";

/**
 * How a user of `other` (or anyone, for the routes that authenticate on their own) calls each route handler
 * with `home`'s identifiers. `expected` is the status for each role of `other`; home's rows must not change.
 * Keyed by file under app/; `skip` says why a route has nothing tenant-specific to ask.
 */
export type RouteCase =
  | { skip: string }
  | {
      method: "GET" | "POST";
      request: (home: Tenant) => NextRequest;
      /** The dynamic segments Next passes as the handler's second argument. */
      params?: (home: Tenant) => Record<string, string>;
      expected: (role: string) => number[];
      /** "table.column" values of home's this request may set: what the route records about itself. */
      mayChange?: string[];
    };

const url = (path: string) => new URL(path, "http://localhost:3000");

export const routeCases: Record<string, RouteCase> = {
  "api/auth/[...nextauth]/route.ts": { skip: "next-auth's own sign-in endpoints take no organization's ids" },
  // The cron secret is the only key; without it nothing runs, for anyone.
  "api/cron/sync/route.ts": { method: "GET", request: () => new NextRequest(url("/api/cron/sync")), expected: () => [401, 503] },
  "api/health/route.ts": { method: "GET", request: () => new NextRequest(url("/api/health")), expected: () => [200] },
  // An admin of the other organization starts their own flow (a redirect); everyone else gets a 404.
  "api/integrations/dialpad/authorize/route.ts": {
    method: "GET",
    request: () => new NextRequest(url("/api/integrations/dialpad/authorize")),
    expected: (role) => (role === "admin" ? [307] : [404]),
  },
  // Home's pending OAuth state, finished by the other organization's admin: refused, and home's state survives.
  "api/integrations/dialpad/callback/route.ts": {
    method: "GET",
    request: (home) => new NextRequest(url(`/api/integrations/dialpad/callback?state=${home.oauthState}&code=stolen-code`)),
    expected: (role) => (role === "admin" ? [307] : [404]),
  },
  // The viewer's own people over home's day: a CSV of the other organization's people only (checked for home's marker).
  "api/exports/team/route.ts": {
    method: "GET",
    request: (home) => new NextRequest(url(`/api/exports/team?from=${home.dayKey}&to=${home.dayKey}`)),
    expected: () => [200],
  },
  // Home's employee's calls and scores: not found for every role.
  "api/exports/employees/[id]/calls/route.ts": {
    method: "GET",
    request: (home) => new NextRequest(url(`/api/exports/employees/${home.employee.id}/calls?date=${home.dayKey}`)),
    params: (home) => ({ id: String(home.employee.id) }),
    expected: () => [404],
  },
  "api/exports/employees/[id]/scores/route.ts": {
    method: "GET",
    request: (home) => new NextRequest(url(`/api/exports/employees/${home.employee.id}/scores?from=${home.dayKey}&to=${home.dayKey}`)),
    params: (home) => ({ id: String(home.employee.id) }),
    expected: () => [404],
  },
  // A subject-request export of home's employee: not found for every role (admins only, and only their own organization's).
  "api/privacy/employees/[id]/export/route.ts": {
    method: "GET",
    request: (home) => new NextRequest(url(`/api/privacy/employees/${home.employee.id}/export`)),
    expected: () => [404],
  },
  // Home's webhook URL with an event the other tenant cannot sign: 401, no event stored. The refusal is noted
  // as home's last webhook failure (its Dialpad health shows it), which is all anyone holding the URL can do.
  "api/webhooks/dialpad/route.ts": {
    method: "POST",
    request: (home) =>
      new NextRequest(url(`/api/webhooks/dialpad?org=${home.webhookToken}`), {
        method: "POST",
        body: "eyJhbGciOiJIUzI1NiJ9.eyJjYWxsX2lkIjoxfQ.c2lnbmVkLWJ5LW5vYm9keQ",
        headers: { "content-type": "application/jwt" },
      }),
    expected: () => [401],
    mayChange: ["sync_settings.webhookFailedAt", "sync_settings.updatedAt"],
  },
};
