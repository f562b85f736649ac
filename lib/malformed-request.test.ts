import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { rejectMalformedRequest } from "./malformed-request";

const action = (headers: Record<string, string>, body = "[]") =>
  new NextRequest("http://localhost:3000/employees/import", { method: "POST", headers: { "Next-Action": "7f00", ...headers }, body });

describe("rejectMalformedRequest", () => {
  it.each(["/employees/%C0%AE%C0%AE", "/employees/%E0%A4%A", "/employees/%", "/employees/%ZZ", "/%FF/edit"])(
    "answers the malformed path %s with a 404",
    async (path) => {
      const response = await rejectMalformedRequest(new NextRequest(`http://localhost:3000${path}`));
      expect(response?.status).toBe(404);
      expect(await response?.text()).toBe("Page not found.");
    },
  );

  it.each(["/employees/8", "/employees/%2F", "/employees/caf%C3%A9", "/team?date=%C0%AE"])("lets %s through", async (path) => {
    expect(await rejectMalformedRequest(new NextRequest(`http://localhost:3000${path}`))).toBeNull();
  });

  it("refuses a server action over 1 MB with a 413, before Next reads it", async () => {
    const response = await rejectMalformedRequest(action({ "Content-Length": "1048577" }));
    expect(response?.status).toBe(413);
    expect(await response?.text()).toBe("The request is larger than 1 MB.");
    expect((await rejectMalformedRequest(action({ "Content-Length": "abc" })))?.status).toBe(413);
    expect((await rejectMalformedRequest(action({})))?.status).toBe(413);
  });

  it("lets a server action of 1 MB or less through", async () => {
    expect(await rejectMalformedRequest(action({ "Content-Length": "1048576" }))).toBeNull();
    expect(await rejectMalformedRequest(action({ "Content-Length": "2" }))).toBeNull();
  });

  it.each([
    ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data\r\n\r\n"],
    ["multipart/form-data", "--x\r\n"],
  ])("answers an unreadable %s body with a 400", async (contentType, body) => {
    const response = await rejectMalformedRequest(post({ "Content-Type": contentType }, body));
    expect(response?.status).toBe(400);
    expect(await response?.text()).toBe("The form could not be read.");
  });

  it.each(["", "{", "<a>1</a>", '{"a":1}', '["$K1"]', '[{"x":"$Q2"}]'])("answers action arguments %j with a 400", async (body) => {
    expect(((await rejectMalformedRequest(post({ "Next-Action": "7f00", "Content-Type": "text/plain" }, body))))?.status).toBe(400);
  });

  it("lets readable forms and action arguments through", async () => {
    const form = new FormData();
    form.set("name", "Ann");
    expect(await rejectMalformedRequest(new NextRequest("http://localhost:3000/setup", { method: "POST", body: form }))).toBeNull();
    expect(await rejectMalformedRequest(post({ "Next-Action": "7f00", "Content-Type": "text/plain" }, '[null,"$$x",1]'))).toBeNull();
    expect(await rejectMalformedRequest(post({ "Content-Type": "text/plain" }, "anything"))).toBeNull();
    const api = new NextRequest("http://localhost:3000/api/webhooks/dialpad", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect(await rejectMalformedRequest(api)).toBeNull();
  });
});

function post(headers: Record<string, string>, body: string) {
  return new NextRequest("http://localhost:3000/setup", { method: "POST", headers: { "Content-Length": String(body.length), ...headers }, body });
}
