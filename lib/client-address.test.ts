import { describe, expect, it } from "vitest";
import { getClientAddress, socketAddressHeader } from "./client-address";

describe("getClientAddress", () => {
  const headers = { [socketAddressHeader]: "10.0.0.9", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" };

  it("uses the socket address and ignores x-forwarded-for when no proxy is trusted", () => {
    expect(getClientAddress(headers, 0)).toBe("10.0.0.9");
    expect(getClientAddress({ "x-forwarded-for": "6.6.6.6" }, 0)).toBe("unknown");
  });

  it("behind N trusted proxies takes the Nth forwarded entry from the right, never one the client wrote", () => {
    expect(getClientAddress(headers, 1)).toBe("10.0.0.2");
    expect(getClientAddress(headers, 2)).toBe("203.0.113.5");
    expect(getClientAddress({ "x-forwarded-for": "10.0.0.2" }, 2)).toBe("unknown");
    expect(getClientAddress(undefined, 1)).toBe("unknown");
  });
});
