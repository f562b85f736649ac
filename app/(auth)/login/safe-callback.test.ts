import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const appUrl = "https://daymark.example.com";

describe("safeCallbackPath", () => {
  it.each([
    ["/employees/8", "/employees/8"],
    ["/team?date=2026-03-01#top", "/team?date=2026-03-01#top"],
    ["/settings/products?status=connected", "/settings/products?status=connected"],
    ["/a/../employees", "/employees"],
    ["https://daymark.example.com/employees", "/employees"],
  ])("keeps the same-origin path %j as %j", (value, path) => {
    expect(safeCallbackPath(value, "/team", appUrl)).toBe(path);
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/evil\nSet-Cookie: a=b",
    "//evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "/.//evil.example",
    "https://evil.example",
    "https://daymark.example.com.evil.example/",
    "http://daymark.example.com/team",
    "javascript:alert(1)",
    "employees",
    "",
    " /team",
  ])("sends %j to the default page", (value) => {
    expect(safeCallbackPath(value, "/team", appUrl)).toBe("/team");
  });

  it("ignores a missing or repeated parameter", () => {
    expect(safeCallbackPath(undefined, "/team", appUrl)).toBe("/team");
    expect(safeCallbackPath(["/employees", "/team"], "/team", appUrl)).toBe("/team");
  });
});
