import { describe, expect, it } from "vitest";
import { listAuditActorNames, listAuditEvents } from "@/db/queries/audit";
import { getActiveEngine } from "@/db/engine";
import { withTransaction } from "@/db/transaction";
import { createTestDb } from "@/tests/db";
import { createOrganization, createUser, toViewer } from "@/tests/factories";
import { automaticAuditActor, recordAuditEvent } from "./record-audit-event";

describe(`recordAuditEvent on ${getActiveEngine()}`, () => {
  it("appends an event with its actor, target and JSON details, and lists an organization's events newest first", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const other = await createOrganization(db);
    const admin = toViewer(await createUser(db, organization, { role: "admin", name: "Ada Admin" }));
    await recordAuditEvent(db, {
      organizationId: organization.id,
      actor: admin,
      action: "sync.settings_changed",
      target: { type: "sync_settings" },
      summary: "Changed sync settings",
      details: { intervalMinutes: { from: 5, to: 10 } },
      at: 1_000,
    });
    await recordAuditEvent(db, {
      organizationId: organization.id,
      actor: automaticAuditActor,
      action: "mapping.changed",
      target: { type: "employee", id: 7 },
      summary: "Mapped 1 employee automatically",
      at: 2_000,
    });
    await recordAuditEvent(db, { organizationId: other.id, actor: automaticAuditActor, action: "mapping.changed", target: { type: "employee" }, summary: "Other", at: 3_000 });

    const { events, hasMore } = await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 10, offset: 0 });
    expect(hasMore).toBe(false);
    expect(events.map((e) => [e.actorUserId, e.actorName, e.action, e.targetType, e.targetId, e.summary, e.details, e.createdAt])).toEqual([
      [null, "Automatic", "mapping.changed", "employee", "7", "Mapped 1 employee automatically", null, 2_000],
      [admin.userId, "Ada Admin", "sync.settings_changed", "sync_settings", null, "Changed sync settings", '{"intervalMinutes":{"from":5,"to":10}}', 1_000],
    ]);
    expect(await listAuditActorNames(db, organization.id)).toEqual(["Ada Admin", "Automatic"]);
  });

  it("filters by action, actor and date range, and pages", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const admin = toViewer(await createUser(db, organization, { role: "admin", name: "Ada Admin" }));
    for (let i = 1; i <= 5; i += 1) {
      await recordAuditEvent(db, {
        organizationId: organization.id,
        actor: i % 2 === 0 ? automaticAuditActor : admin,
        action: i % 2 === 0 ? "mapping.changed" : "scores.settings_changed",
        target: { type: "x", id: i },
        summary: `Event ${i}`,
        at: i * 1_000,
      });
    }
    const summaries = async (filters: Parameters<typeof listAuditEvents>[1]["filters"], limit = 10, offset = 0) =>
      (await listAuditEvents(db, { organizationId: organization.id, filters, limit, offset })).events.map((e) => e.summary);
    expect(await summaries({ action: "mapping.changed" })).toEqual(["Event 4", "Event 2"]);
    expect(await summaries({ actorName: "Ada Admin" })).toEqual(["Event 5", "Event 3", "Event 1"]);
    expect(await summaries({ from: 2_000, to: 4_000 })).toEqual(["Event 3", "Event 2"]);
    expect(await summaries({}, 2, 0)).toEqual(["Event 5", "Event 4"]);
    expect(await summaries({}, 2, 4)).toEqual(["Event 1"]);
    expect((await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 2, offset: 2 })).hasMore).toBe(true);
  });

  it("writes nothing when the transaction it is part of fails", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    await expect(
      withTransaction(db, async (tx) => {
        await recordAuditEvent(tx, { organizationId: organization.id, actor: automaticAuditActor, action: "mapping.changed", target: { type: "x" }, summary: "Lost" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 10, offset: 0 })).events).toEqual([]);
  });
});
