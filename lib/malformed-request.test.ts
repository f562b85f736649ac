import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { rejectMalformedRequest } from "./malformed-request";

const action = (headers: Record<string, string>, body?: string) =>
  new NextRequest("http://localhost:3000/employees/import", { method: "POST", headers: { "Next-Action": "7f00", ...headers }, body });

describe("rejectMalformedRequest", () => {
  it.each(["/employees/%C0%AE%C0%AE", "/employees/%E0%A4%A", "/employees/%", "/employees/%ZZ", "/%FF/edit"])(
    "answers the malformed path %s with a 404",
    async (path) => {
      const response = rejectMalformedRequest(new NextRequest(`http://localhost:3000${path}`));
      expect(response?.status).toBe(404);
      expect(await response?.text()).toBe("Page not found.");
    },
  );

  it.each(["/employees/8", "/employees/%2F", "/employees/caf%C3%A9", "/team?date=%C0%AE"])("lets %s through", (path) => {
    expect(rejectMalformedRequest(new NextRequest(`http://localhost:3000${path}`))).toBeNull();
  });

  it("refuses a server action over 1 MB with a 413, before Next reads it", async () => {
    const response = rejectMalformedRequest(action({ "Content-Length": "1048577" }));
    expect(response?.status).toBe(413);
    expect(await response?.text()).toBe("The request is larger than 1 MB.");
    expect(rejectMalformedRequest(action({ "Content-Length": "abc" }))?.status).toBe(413);
    expect(rejectMalformedRequest(action({}, "x".repeat(10)))?.status).toBe(413);
  });

  it("lets a server action of 1 MB or less through", () => {
    expect(rejectMalformedRequest(action({ "Content-Length": "1048576" }))).toBeNull();
    expect(rejectMalformedRequest(action({ "Content-Length": "0" }))).toBeNull();
  });
});
