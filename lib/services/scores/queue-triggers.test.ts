import { describe, expect, it } from "vitest";
import { claimQueueRows, listQueueRows } from "@/db/queries/score-queue";
import { createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { MIN, deleteLeg, storeLegs, utc } from "./testing";

const day = (iso: string) => [utc(`${iso}T00:00:00Z`), utc(`${iso}T23:59:59.999Z`)];

describe("the calls triggers", () => {
  it("queue each user's UTC days once until a drain claims them, before and after a change", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const claim = async () => (await claimQueueRows(db, organizationId, "facts", { now: Date.now() }))
      .map((row) => [row.kind, row.dialpadUserId, row.fromMs, row.toMs]);
    const list = async () => (await listQueueRows(db, organizationId)).map((row) => [row.dialpadUserId, row.fromMs, row.toMs, row.isClaimed]);
    const leg = (id: string, user: string | null, iso: string, minutes = 5) =>
      ({ dialpadCallId: id, dialpadUserId: user, startedAt: utc(iso), connectedAt: utc(iso), endedAt: utc(iso) + minutes * MIN });

    await storeLegs(db, organizationId, [
      ...Array.from({ length: 10 }, (_, i) => leg(`a${i}`, "u", `2026-03-10T1${i}:00:00Z`)),
      leg("b", "u", "2026-03-10T23:50:00Z", 20), // ends on the 11th
      leg("c", null, "2026-03-10T12:00:00Z"), // no Dialpad user: attributed to nobody
    ]);
    const [t10, e10] = day("2026-03-10");
    const [, e11] = day("2026-03-11");
    expect(await claim()).toEqual([["calls", "u", t10, e10], ["calls", "u", t10, e11]]);

    // Claimed rows stay until drained, and no longer absorb changes: the moved and the deleted leg
    // queue 10 March again (once) and 12 March, for the next claim.
    await storeLegs(db, organizationId, [leg("a0", "u", "2026-03-12T10:00:00Z")]);
    await deleteLeg(db, organizationId, "a1");
    const [t12, e12] = day("2026-03-12");
    expect(await list()).toEqual([
      ["u", t10, e10, true], ["u", t10, e11, true], ["u", t10, e10, false], ["u", t12, e12, false],
    ]);
    expect(await claim()).toEqual([["calls", "u", t10, e10], ["calls", "u", t12, e12]]);
  });
});
