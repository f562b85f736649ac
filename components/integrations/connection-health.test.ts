import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DialpadConnectionSummary } from "@/lib/services/dialpad-connection/get-connection-summary";
import { ConnectionHealth } from "./connection-health";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

describe("ConnectionHealth", () => {
  it("says the user count is of mappable users: active and licensed, so a suspended licensed user is left out", () => {
    // 9 users: 8 with a phone license, one of whom is suspended.
    const summary: DialpadConnectionSummary = {
      status: "connected",
      companyName: "Acme Inc",
      companyDomain: "acme.test",
      connectedByName: "Ada Admin",
      connectedAt: Date.UTC(2026, 2, 9, 15),
      accessTokenExpiresAt: null,
      lastSyncAt: null,
      licensedUserCount: 7,
      totalUserCount: 9,
      lastErrorMessage: null,
    };
    const shown = text(renderToStaticMarkup(createElement(ConnectionHealth, { summary, timeZone: "UTC" })));
    expect(shown).toContain(
      "Mappable Dialpad users (active, with a phone license) 7 of 9 (suspended, cancelled and unlicensed users can't be mapped)",
    );
    expect(shown).not.toContain("Dialpad users with a phone license");
  });
});
