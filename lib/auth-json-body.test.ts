import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isReadableAuthBody } from "./auth-json-body";

// The body reader next-auth's route handler uses; its package exports hide it.
type GetBody = (request: Request) => Promise<unknown>;
const { getBody } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/next/utils.js")) as { getBody: GetBody };

const url = "http://localhost:3000/api/auth/callback/credentials";

function post(body: string, contentType = "application/json"): Request {
  return new Request(url, { method: "POST", headers: { "Content-Type": contentType }, body });
}

describe("isReadableAuthBody", () => {
  it.each(['{"a":', ""])("refuses the JSON body %j, on which next-auth throws (a 500)", async (body) => {
    await expect(getBody(post(body))).rejects.toThrow(SyntaxError);
    expect(await isReadableAuthBody(post(body))).toBe(false);
  });

  it.each(["[1,2]", "null", '"text"', "42"])("refuses the JSON body %j, which is no object of fields", async (body) => {
    expect(await isReadableAuthBody(post(body))).toBe(false);
  });

  it("accepts a JSON object and leaves the body for next-auth to read", async () => {
    const request = post('{"csrfToken":"t","json":"true"}', "application/json; charset=utf-8");
    expect(await isReadableAuthBody(request)).toBe(true);
    expect(await request.json()).toEqual({ csrfToken: "t", json: "true" });
  });

  it("leaves other content types and methods alone", async () => {
    expect(await isReadableAuthBody(post("a=%zz&b", "application/x-www-form-urlencoded"))).toBe(true);
    expect(await isReadableAuthBody(new Request(url))).toBe(true);
  });
});
