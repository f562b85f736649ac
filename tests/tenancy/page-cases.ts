import type { Tenant } from "./two-organizations";

type Query = Record<string, string>;

/**
 * How a user of `other` asks each page (and layout) for `home`'s data. `isForeign`: the URL names one of
 * home's ids, so the answer must be the 404 page for every role (or, for a role that can't open the page at all,
 * the 403 it gets whatever the id). Otherwise the page lists the viewer's own
 * organization and must show nothing of home's (no text carrying home's marker). Keyed by file under app/.
 */
export type PageCase = { isForeign: boolean; params?: (home: Tenant, other: Tenant) => Query; searchParams?: (home: Tenant) => Query };

const day = (home: Tenant) => ({ date: home.dayKey });
const callParams = (home: Tenant) => ({ id: String(home.employee.id), callId: String(home.call.id) });

export const pageCases: Record<string, PageCase | PageCase[]> = {
  "(app)/@modal/(.)employees/[id]/calls/[callId]/page.tsx": [
    { isForeign: true, params: callParams },
    // Its own employee with the other organization's call.
    { isForeign: true, params: (home, other) => ({ id: String(other.employee.id), callId: String(home.call.id) }) },
  ],
  "(app)/employees/[id]/calls/[callId]/page.tsx": [
    { isForeign: true, params: callParams },
    { isForeign: true, params: (home, other) => ({ id: String(other.employee.id), callId: String(home.call.id) }) },
  ],
  "(app)/employees/[id]/edit/page.tsx": { isForeign: true, params: (home) => ({ id: String(home.employee.id) }) },
  "(app)/employees/[id]/page.tsx": [
    { isForeign: true, params: (home) => ({ id: String(home.employee.id) }), searchParams: day },
    { isForeign: true, params: (home) => ({ id: String(home.members.manager.employee!.id) }) },
  ],
  "(app)/account/page.tsx": { isForeign: false },
  "(app)/employees/import/page.tsx": { isForeign: false },
  "(app)/employees/new/page.tsx": { isForeign: false },
  "(app)/employees/page.tsx": { isForeign: false, searchParams: (home) => ({ q: home.marker, status: "all" }) },
  "(app)/layout.tsx": { isForeign: false },
  "(app)/settings/audit/page.tsx": { isForeign: false, searchParams: (home) => ({ actor: home.members.admin.user.name }) },
  "(app)/settings/layout.tsx": { isForeign: false },
  "(app)/settings/page.tsx": { isForeign: false },
  "(app)/settings/products/dialpad-result/page.tsx": { isForeign: false, searchParams: () => ({ status: "connected" }) },
  "(app)/settings/products/page.tsx": { isForeign: false },
  "(app)/settings/products/phone-system/mapping/page.tsx": { isForeign: false, searchParams: (home) => ({ q: home.marker }) },
  "(app)/my-data/page.tsx": { isForeign: false },
  "(app)/settings/privacy/page.tsx": { isForeign: false },
  "(app)/settings/scoring/page.tsx": { isForeign: false, searchParams: (home) => ({ role: home.role }) },
  "(app)/settings/users/page.tsx": { isForeign: false },
  "(app)/team/page.tsx": { isForeign: false, searchParams: day },
  "(app)/team/range/page.tsx": { isForeign: false, searchParams: (home) => ({ from: home.dayKey, to: home.dayKey }) },
  "(auth)/layout.tsx": { isForeign: false },
  "layout.tsx": { isForeign: false },
  // "/": a redirect to the viewer's team page (an employee's own day).
  "page.tsx": { isForeign: false },
  "(auth)/login/page.tsx": { isForeign: false },
  // A reset link is a bearer secret, not an id; a made-up one must not show anybody's form.
  "(auth)/reset-password/[token]/page.tsx": { isForeign: false, params: () => ({ token: "not-a-real-reset-token-000000000000" }) },
  "(auth)/setup/page.tsx": { isForeign: true },
  "(auth)/signup/page.tsx": { isForeign: false },
};
