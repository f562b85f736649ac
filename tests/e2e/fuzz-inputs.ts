import { type AppRoute, isDynamicSegment, routePath, sampleSegments, type ServerAction } from "./support/app-routes";

// The hostile requests the fuzz spec sends: bad ids and encodings in every dynamic segment, bad, repeated
// and long query parameters, every HTTP method, and bodies that are too big, mistyped or malformed.

export type FuzzRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** A raw body; its content type goes in headers. */
  data?: string | Buffer;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
};

/**
 * "full" sends everything; "light" a sample of each kind, for roles whose answers differ from the admin's
 * only in what they may see (the full matrix for every role would take minutes).
 */
export type FuzzDepth = "full" | "light";

/** Path segment values, already percent-encoded where they are meant to be. */
export const badSegments = [
  "%C0%AE",
  "%C0%AE%C0%AE",
  "%",
  "%zz",
  "%E0%A4%A",
  "%00",
  "%0A",
  "%2E%2E%2F%2E%2E",
  "0x8",
  "8e0",
  "8.0",
  "+8",
  "-1",
  "0",
  "18446744073709551616",
  "9".repeat(400),
  "x".repeat(3000),
  "%F0%9F%98%80",
  "NaN",
  "undefined",
];

// The query names the app reads, plus next-auth's; unknown ones must be harmless too.
const queryNames = ["date", "q", "page", "sort", "dir", "role", "action", "actor", "from", "to", "status", "reason", "dialpad", "dialpad_domain", "popup", "callbackUrl", "error", "org", "code", "state", "call", "setup"];

const badQueryValues = ["%C0%AE", "%", "%zz", "-1", "0x8", "8e0", "18446744073709551616", "%0A%0D", "9999-99-99", "2026-02-30", "x".repeat(300), "%00", "javascript:alert(1)", "//evil.example", "/%09/evil.example", "[]", "{}", "undefined"];

// next-auth's catch-all answers these actions; the sample "session" alone would leave the rest untried.
const catchAllValues: Record<string, string[]> = {
  "[...nextauth]": ["csrf", "providers", "signin", "signin/credentials", "signout", "callback/credentials", "error", "_log", "session/extra/parts", "verify-request", "nope"],
};

const oversized = "x".repeat(1536 * 1024);

function query(pairs: [string, string][]): string {
  return `?${pairs.map(([name, value]) => `${name}=${value}`).join("&")}`;
}

const lightSegments = ["%C0%AE", "0x8", "8e0", "-1", "18446744073709551616", "x".repeat(3000)];

/** GETs with each dynamic segment in turn replaced by every bad value. */
function badSegmentRequests(route: AppRoute, depth: FuzzDepth): FuzzRequest[] {
  return route.segments.filter(isDynamicSegment).flatMap((target) =>
    [...(depth === "full" ? badSegments : lightSegments), ...(catchAllValues[target] ?? [])].map((value) => ({
      method: "GET",
      url: routePath(route, (segment) => (segment === target ? value : sampleSegments[segment]!)),
    })),
  );
}

// Each request gives every name a different bad value, rotating, so each name meets several of them.
function badQueryRequests(path: string, depth: FuzzDepth): FuzzRequest[] {
  const rotations = depth === "full" ? 3 : 1;
  if (depth === "light") return [{ method: "GET", url: `${path}${query(queryNames.map((name, index) => [name, badQueryValues[index % badQueryValues.length]!]))}` }];
  return [
    ...Array.from({ length: rotations }, (_, rotation) =>
      query(queryNames.map((name, index) => [name, badQueryValues[(index + rotation * 3) % badQueryValues.length]!])),
    ),
    query(queryNames.flatMap((name) => [[name, "2026-01-01"], [name, "x"], [name, "-1"]] as [string, string][])),
    query(queryNames.map((name) => [`${name}[0][a]`, "1"])),
    query([["q", "x".repeat(6000)], ...Array.from({ length: 300 }, (_, index) => [`p${index}`, String(index)] as [string, string])]),
  ].map((search) => ({ method: "GET", url: `${path}${search}` }));
}

function wrongMethodAndBodyRequests(path: string, depth: FuzzDepth): FuzzRequest[] {
  const json = { "Content-Type": "application/json" };
  if (depth === "light") return [{ method: "PUT", url: path }, { method: "POST", url: path, headers: json, data: '{"a":' }];
  return [
    ...["PUT", "DELETE"].map((method) => ({ method, url: path })),
    { method: "POST", url: path, headers: json, data: '{"a":' },
    { method: "POST", url: path, headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "a=%zz&b&=c&csrfToken[]=1&email=%C0%AE" },
    { method: "POST", url: path, headers: { "Content-Type": "multipart/form-data; boundary=nope" }, data: "--wrong\r\nbroken" },
    { method: "POST", url: path, headers: { "Content-Type": "application/x-unknown" }, data: "[".repeat(20000) },
    { method: "POST", url: path, headers: { "Content-Type": "application/octet-stream" }, data: oversized },
  ];
}

/** Every hostile request for one page or API route. */
export function routeRequests(route: AppRoute, depth: FuzzDepth): FuzzRequest[] {
  const path = routePath(route);
  return [...badSegmentRequests(route, depth), ...badQueryRequests(path, depth), ...wrongMethodAndBodyRequests(path, depth)];
}

// Field names our forms use; each action's zod schema sees them all, with bad values.
const fieldNames = ["id", "employeeId", "userId", "name", "email", "role", "active", "isActive", "password", "currentPassword", "newPassword", "confirmPassword", "token", "date", "from", "to", "timezone", "title", "phone", "managerId", "dialpadUserId", "deleteCallData", "syncFrom", "weights", "domain", "countryCode"];

function formFields(value: string): Record<string, string> {
  return Object.fromEntries(fieldNames.map((name) => [`1_${name}`, value]));
}

/** Garbage calls of one server action, the way React's client sends them and every way it does not. */
export function actionRequests(action: ServerAction, depth: FuzzDepth): FuzzRequest[] {
  const url = action.pagePath;
  const headers = { "Next-Action": action.id, Accept: "text/x-component" };
  const text = (data: string, contentType = "text/plain;charset=UTF-8"): FuzzRequest => ({ method: "POST", url, headers: { ...headers, "Content-Type": contentType }, data });
  const form = (multipart: FuzzRequest["multipart"]): FuzzRequest => ({ method: "POST", url, headers, multipart });
  const file = { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\n\u0000,%C0%AE\n") };
  // useActionState's call: (previous state, FormData) with the FormData's fields prefixed "1_".
  if (depth === "light") return [form({ 0: '[null,"$K1"]', ...formFields("%C0%AE") }), form({ 0: "not json" }), text('[null,"x"]')];
  return [
    form({ 0: '[null,"$K1"]' }),
    ...["%C0%AE", "-1", "x".repeat(100_000)].map((value) => form({ 0: '[null,"$K1"]', ...formFields(value) })),
    form({ 0: '[null,"$K1"]', "1_file": file, "1_id": "18446744073709551616", "1_employeeId": "0x8" }),
    form({ 0: '["$K1"]' }),
    form({ 0: '[null,"$Q9"]' }),
    form({ 0: "not json" }),
    form({ 1: "x" }),
    form({ 0: '[null,"$K1"]', "1_x": oversized }),
    text('[null,"x"]'),
    text("not json"),
    text("[".repeat(5000) + "]".repeat(5000)),
    text("[null,{}]", "application/json"),
    { method: "GET", url, headers },
    // A no-JavaScript form post names the action in a field instead of the header.
    { method: "POST", url, multipart: { [`$ACTION_ID_${action.id}`]: "", ...formFields("%C0%AE") } },
  ];
}

/** Action ids that do not exist, posted to a page. */
export function unknownActionRequests(pagePath: string): FuzzRequest[] {
  return ["7f" + "0".repeat(40), "x", "%C0%AE", "x".repeat(5000)].map((id) => ({
    method: "POST",
    url: pagePath,
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  }));
}
