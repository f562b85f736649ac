import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePersonName, normalizePhone } from "./normalize";

describe("normalizePhone", () => {
  it.each([
    ["+1 415-555-1001 ext. 12", "US", "+14155551001", "12"],
    ["415-555-1001 x12", "US", "+14155551001", "12"],
    ["(212) 555-0105 ext. 12", "US", "+12125550105", "12"],
    ["(212) 555-0105 extension 7", "US", "+12125550105", "7"],
  ] as const)("reads %s in %s as %s with extension %s", (raw, country, e164, extension) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164, extension });
  });

  it.each([
    ["(415) 555-1001", "US", "+14155551001"],
    ["415.555.1001", "US", "+14155551001"],
    ["  +14155551001 ", "GB", "+14155551001"],
    ["+44 20 7946 0958", "GB", "+442079460958"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["+44 20 7946 0958", "US", "+442079460958"],
    ["(415) 555-1001", "DE", "+494155551001"],
  ] as const)("reads %s in %s as %s", (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164, extension: null });
  });

  it("rejects a UK national number read as American", () => {
    expect(normalizePhone("020 7946 0958", "US")).toEqual({
      ok: false,
      reason: '"020 7946 0958" is not a complete phone number for US; include the country code, such as +1 415 555 0100.',
    });
  });

  it.each([
    ["12", '"12" is not a complete phone number for US; include the country code, such as +1 415 555 0100.'],
    ["1-800-FLOWERS", '"1-800-FLOWERS" has letters in it; enter digits only.'],
    ["n/a", '"n/a" has letters in it; enter digits only.'],
    ["   ", "The phone number is blank."],
  ])("explains why %j cannot be read", (raw, reason) => {
    expect(normalizePhone(raw, "US")).toEqual({ ok: false, reason });
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases, and treats blank as missing", () => {
    expect(normalizeEmail("  Ann.Lee@Acme.TEST \t")).toBe("ann.lee@acme.test");
    expect(normalizeEmail("   ")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});

describe("normalizePersonName", () => {
  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(normalizePersonName("  José  O'Brien-Díaz ")).toBe("jose o brien diaz");
    expect(normalizePersonName("")).toBeNull();
  });
});
