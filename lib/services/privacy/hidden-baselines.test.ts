import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import type { Viewer } from "@/lib/services/access/viewer";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { linkEmployee, MIN, readDay, storeLegs, utc } from "@/lib/services/scores/testing";
import { setEmployeeHidden } from "./set-employee-hidden";

let db: Db;
let org: Organization;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "UTC", workWeek: "1,2,3,4,5,6,7" });
  admin = (await createViewer(db, org, { role: "admin" })).viewer;
});

describe("hidden people and role baselines", () => {
  it("leaves a hidden person's days out of their role's baseline, and puts them back when shown again", async () => {
    const ceo = await createEmployee(db, org, { name: "Cleo CEO", title: "Sales" });
    const ana = await createEmployee(db, org, { name: "Ana Agent", title: "Sales" });
    await linkEmployee(db, ceo, "u-ceo");
    await linkEmployee(db, ana, "u-ana");
    // Cleo talks an hour on each of the 6 days before Ana's only day.
    const legs = Array.from({ length: 6 }, (_, i) => {
      const start = utc(`2026-03-0${i + 1}T10:00:00Z`);
      return { dialpadCallId: `ceo-${i}`, dialpadUserId: "u-ceo", startedAt: start, connectedAt: start, endedAt: start + 60 * MIN };
    });
    const anaStart = utc("2026-03-08T10:00:00Z");
    await storeLegs(db, org.id, [...legs, { dialpadCallId: "ana-1", dialpadUserId: "u-ana", startedAt: anaStart, connectedAt: anaStart, endedAt: anaStart + 30 * MIN }]);
    await drainScoreQueue(db, org.id);
    const talkBaseline = async () => {
      const signal = (await readDay(db, ana, "2026-03-08"))!.breakdown!.signals.find((s) => s.key === "talkTime")!;
      return { value: signal.baseline, source: signal.baselineSource, days: signal.baselineDays };
    };
    expect(await talkBaseline()).toEqual({ value: 60 * MIN, source: "peers", days: 6 });

    await setEmployeeHidden(db, admin, { employeeId: ceo.id, isHidden: true });
    await drainScoreQueue(db, org.id);
    expect((await talkBaseline()).source).toBe("default");

    await setEmployeeHidden(db, admin, { employeeId: ceo.id, isHidden: false });
    await drainScoreQueue(db, org.id);
    expect(await talkBaseline()).toEqual({ value: 60 * MIN, source: "peers", days: 6 });
  });
});
