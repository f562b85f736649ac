import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { rejectMalformedRequest } from "./malformed-request";

const actionId = `7f${"0".repeat(40)}`;
const action = (headers: Record<string, string>, body = "[]") =>
  new NextRequest("http://localhost:3000/employees/import", { method: "POST", headers: { "Next-Action": actionId, ...headers }, body });

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

  it.each(["x", "%C0%AE", "7f00", `7F${"0".repeat(40)}`, "x".repeat(5000)])("answers the action id %j with a 404", async (id) => {
    const response = await rejectMalformedRequest(action({ "Next-Action": id, "Content-Length": "2" }));
    expect(response?.status).toBe(404);
    expect(await response?.text()).toBe("No such server action.");
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
    expect(((await rejectMalformedRequest(post({ "Next-Action": actionId, "Content-Type": "text/plain" }, body))))?.status).toBe(400);
  });

  it.each([
    ["no arguments part", { "1_name": "Ann" }],
    ["arguments that are no JSON", { 0: "not json" }],
    ["arguments that are no array", { 0: '{"a":1}' }],
    ["a reference to a missing part", { 0: '[null,"$Q9"]' }],
    ["a reference to a missing chunk", { 0: '[null,"$1"]', "1_name": "Ann" }],
  ])("answers a multipart action call with %s with a 400", async (_case, fields) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    expect((await rejectMalformedRequest(await actionForm(form)))?.status).toBe(400);
  });

  it("lets a form's action call through: previous state and FormData, with a file", async () => {
    const form = new FormData();
    form.set("0", '[{"ok":false,"error":"x","fieldErrors":{},"values":{"name":"$$5"},"note":"$undefined"},"$K1"]');
    form.set("1_name", "Ann");
    form.set("1_file", new File(["a,b"], "x.csv", { type: "text/csv" }));
    expect(await rejectMalformedRequest(await actionForm(form))).toBeNull();
  });

  it("lets readable forms and action arguments through", async () => {
    const form = new FormData();
    form.set("name", "Ann");
    expect(await rejectMalformedRequest(new NextRequest("http://localhost:3000/setup", { method: "POST", body: form }))).toBeNull();
    expect(await rejectMalformedRequest(post({ "Next-Action": actionId, "Content-Type": "text/plain" }, '[null,"$$x",1]'))).toBeNull();
    expect(await rejectMalformedRequest(post({ "Content-Type": "text/plain" }, "anything"))).toBeNull();
    const api = new NextRequest("http://localhost:3000/api/webhooks/dialpad", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect(await rejectMalformedRequest(api)).toBeNull();
  });
});

function post(headers: Record<string, string>, body: string) {
  return new NextRequest("http://localhost:3000/setup", { method: "POST", headers: { "Content-Length": String(body.length), ...headers }, body });
}

/** A multipart action call with its length, as a browser sends it. */
async function actionForm(form: FormData) {
  const encoded = new Response(form);
  const body = await encoded.arrayBuffer();
  const headers = { "Next-Action": actionId, "Content-Type": encoded.headers.get("content-type")!, "Content-Length": String(body.byteLength) };
  return new NextRequest("http://localhost:3000/setup", { method: "POST", headers, body });
}
