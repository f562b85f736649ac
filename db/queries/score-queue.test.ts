import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { executeSql, queryRows } from "@/db/engines/raw";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import { createOrganization } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { listAllLegs } from "./score-rows";
import { nextWriteStamp, upsertCallRows } from "./calls";
import { claimQueueRows, deleteQueueRows, insertQueueRows, listQueueRows, scoreQueueLeaseMs } from "./score-queue";

let db: Db;
let second: Db;
let organizationId: number;
const now = Date.UTC(2026, 2, 10, 12);

beforeEach(async () => {
  db = await createTestDb();
  second = openDatabase(testDatabaseUrl(db));
  organizationId = (await createOrganization(db)).id;
});
afterEach(async () => {
  await closeDatabase(second);
});

const storeLeg = (handle: Db, dialpadCallId: string, startedAt: number) =>
  upsertCallRows(handle, organizationId, [{ leg: buildCallLeg({ dialpadCallId, dialpadUserId: "u", startedAt, endedAt: startedAt + 60_000 }), raw: {} }], nextWriteStamp());
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe(`the score queue (${getActiveEngine()})`, () => {
  it("claims a row once until its lease lapses, and deletes only the ids it is given", async () => {
    await insertQueueRows(db, organizationId, [{ kind: "employee", employeeId: 1 }, { kind: "role", role: "", fromDay: null, toDay: null }]);
    const [facts] = await claimQueueRows(db, organizationId, "facts", { now });
    expect(facts).toMatchObject({ kind: "employee", employeeId: 1 });
    expect(await claimQueueRows(db, organizationId, "facts", { now: now + scoreQueueLeaseMs - 1 })).toEqual([]);
    expect(ids(await claimQueueRows(db, organizationId, "facts", { now: now + scoreQueueLeaseMs }))).toEqual([facts!.id]);

    await insertQueueRows(db, organizationId, [{ kind: "employee", employeeId: 2 }]);
    await deleteQueueRows(db, organizationId, [facts!.id]);
    expect((await listQueueRows(db, organizationId)).map((row) => [row.kind, row.employeeId, row.isClaimed])).toEqual([
      ["role", null, false], ["employee", 2, false],
    ]);
  });

  it("takes back a row claimed before claims had leases", async () => {
    await insertQueueRows(db, organizationId, [{ kind: "employee", employeeId: 1 }]);
    await executeSql(db, sql`UPDATE score_recompute_queue SET is_claimed = ${db.$engine === "postgres" ? sql`true` : sql`1`}, claimed_until = NULL`);
    expect(await claimQueueRows(db, organizationId, "facts", { now })).toHaveLength(1);
  });

  it("gives two claims at once disjoint rows", async () => {
    await insertQueueRows(db, organizationId, Array.from({ length: 50 }, (_, i) => ({ kind: "employee" as const, employeeId: i })));
    const [a, b] = await Promise.all([
      claimQueueRows(db, organizationId, "facts", { now }),
      claimQueueRows(second, organizationId, "facts", { now }),
    ]);
    expect([...ids(a!), ...ids(b!)].sort((x, y) => x - y)).toEqual(ids(await listQueueRows(db, organizationId)));
  });

  it("returns a claim only after a writer whose change its row absorbed has committed", async () => {
    const at = Date.UTC(2026, 2, 10, 9);
    await withTransaction(db, (tx) => storeLeg(tx, "first", at));
    let commit!: () => void;
    const isCommitted = new Promise<void>((resolve) => (commit = resolve));
    // A sync page still in its transaction: the trigger finds the day's unclaimed row and adds none.
    let isWritten = false;
    const writer = withTransaction(second, async (tx) => {
      await storeLeg(tx, "second", at + 3_600_000);
      isWritten = true;
      await isCommitted;
    });
    await waitFor(() => isWritten, { what: "the writer's leg" });
    let isClaimed = false;
    const claim = claimQueueRows(db, organizationId, "facts", { now }).then((rows) => {
      isClaimed = true;
      return rows;
    });
    if (db.$engine === "postgres") {
      await waitFor(
        async () => (await queryRows(db, sql`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length > 0,
        { what: "the claim to wait for the writer" },
      );
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(isClaimed).toBe(false);
    commit();
    await writer;
    expect(await claim).toHaveLength(1);
    expect((await listAllLegs(db, organizationId, "u")).map((leg) => leg.dialpadCallId).sort()).toEqual(["first", "second"]);
  }, 30_000);
});
