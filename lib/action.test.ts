import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";

const viewer: Viewer = { userId: 1, organizationId: 1, role: "manager", email: "m@x.test", name: "M", employeeId: null };
// A stand-in for the session: lib/session.test.ts tests the real role check (signed out → /login, wrong role → 404 in an action).
const requireViewer = vi.fn<(options?: { roles?: readonly string[] }) => Promise<Viewer>>(async () => viewer);
vi.mock("@/lib/session", () => ({ requireViewer: (options: never) => requireViewer(options) }));
vi.mock("@/db/client", () => ({ getDb: () => ({ fake: "db" }) }));

const { createAction, formDataToObject } = await import("./action");

const schema = z.object({ name: z.string().min(2, "Too short."), password: z.string() });

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

let logged: string[];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((message: string) => void logged.push(message));
});
afterEach(() => vi.restoreAllMocks());

describe("createAction", () => {
  it("passes parsed input, the viewer and the database to the handler", async () => {
    const action = createAction({ schema, name: "echo" }, async (input, context) => ({ input, context }));
    expect(await action(null, form({ name: "Ann", password: "secret-pw" }))).toEqual({
      ok: true,
      data: { input: { name: "Ann", password: "secret-pw" }, context: { viewer, db: { fake: "db" } } },
    });
  });

  it("returns zod messages per field and echoes the values except passwords", async () => {
    const handler = vi.fn();
    const action = createAction({ schema, name: "invalid" }, handler);
    expect(await action(null, form({ name: "A", password: "secret-pw", $ACTION_ID_abc: "" }))).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { name: ["Too short."] },
      values: { name: "A" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows an AppError's message and field errors, with fixed wording for access errors", async () => {
    const conflict = createAction({ schema, name: "conflict" }, async () => {
      throw new AppError("CONFLICT", "Email taken.", { name: ["Pick another."] });
    });
    expect(await conflict(null, form({ name: "Ann", password: "x" }))).toMatchObject({
      ok: false,
      error: "Email taken.",
      fieldErrors: { name: ["Pick another."] },
    });
    const forbidden = createAction({ schema, name: "forbidden" }, async () => {
      throw new AppError("FORBIDDEN", "internal detail");
    });
    expect(await forbidden(null, form({ name: "Ann", password: "x" }))).toMatchObject({
      error: "You don't have permission to do that.",
    });
  });

  it("logs an unexpected error without the input and shows a generic message", async () => {
    const action = createAction({ schema, name: "boom" }, async () => {
      throw new TypeError("db exploded");
    });
    expect(await action(null, form({ name: "Ann", password: "hunter2-secret" }))).toMatchObject({
      ok: false,
      error: "Something went wrong. Please try again.",
      fieldErrors: {},
    });
    expect(logged).toEqual(["[action boom] TypeError: db exploded"]);
  });

  it("asks the session for the action's roles before parsing anything, and lets its refusal through", async () => {
    const handler = vi.fn();
    const action = createAction({ schema, roles: ["admin"], name: "adminOnly" }, handler);
    const refusal = Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    requireViewer.mockRejectedValueOnce(refusal);
    await expect(action(null, form({ name: "A", password: "x" }))).rejects.toBe(refusal);
    expect(requireViewer).toHaveBeenLastCalledWith({ roles: ["admin"], wrongRole: "notFound" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("asks the session for any signed-in viewer when the action lists no roles", async () => {
    const action = createAction({ schema, name: "anyone" }, async () => "done");
    expect(await action(null, form({ name: "Ann", password: "x" }))).toEqual({ ok: true, data: "done" });
    expect(requireViewer).toHaveBeenLastCalledWith({ roles: undefined, wrongRole: "notFound" });
  });
  it("answers a call without form data (a forged action request) as a bad form, without running the handler", async () => {
    const handler = vi.fn();
    const action = createAction({ schema, name: "forged" }, handler);
    const call = action as unknown as (...args: unknown[]) => Promise<unknown>;
    const badForm = { ok: false, error: "This form could not be read. Reload the page and try again.", fieldErrors: {}, values: {} };
    expect(await call()).toEqual(badForm);
    expect(await call(null, "name=Ann")).toEqual(badForm);
    expect(await call(null, { name: "Ann", password: "x" })).toEqual(badForm);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("formDataToObject", () => {
  it("turns repeated keys into arrays and drops Next's internal keys", () => {
    const data = form({ a: "1", $ACTION_KEY: "k" });
    data.append("day", "1");
    data.append("day", "3");
    expect(formDataToObject(data)).toEqual({ a: "1", day: ["1", "3"] });
  });
});
