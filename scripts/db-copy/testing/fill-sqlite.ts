// Rows in every table of a migrated SQLite file, written straight through the SQLite schema, with the
// shapes a copy can get wrong: booleans, JSON, nulls, epoch milliseconds past 2^31, text primary keys,
// a manager with a higher id than the report, claimed score-queue rows, ids above max(id) in sqlite_sequence.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as s from "@/db/schema/sqlite";
import { sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";

export interface FilledSqlite {
  organizationId: number;
  accessToken: string;
  refreshToken: string;
  webhookSecret: string;
}

const t0 = Date.parse("2025-06-16T09:00:00Z");

export function fillEveryTable(file: string, options: { calls?: number } = {}): FilledSqlite {
  const sqlite = new Database(file);
  const db = drizzle(sqlite, { schema: s });
  try {
    const organizationId = db.insert(s.organizations).values({ name: "Acme", domain: "acme.test", timezone: "America/New_York", createdAt: t0 }).returning().get().id;
    db.insert(s.organizations).values({ name: "Other", domain: "other.test", timezone: "Europe/Berlin", countryCode: "DE", dayStartHour: 4, createdAt: t0 }).run();
    const user = (email: string, role: "admin" | "manager") =>
      db.insert(s.users).values({ organizationId, email, name: email, passwordHash: "$argon2id$x", role, createdAt: t0 }).returning().get().id;
    const adminId = user("dana@acme.test", "admin");
    user("mo@acme.test", "manager");

    const employee = (name: string, fields: Partial<typeof s.employees.$inferInsert> = {}) =>
      db.insert(s.employees).values({ organizationId, name, email: `${name}@acme.test`, createdAt: t0, updatedAt: t0, ...fields }).returning().get().id;
    const reportIds = [employee("ann", { phone: "+12025550100", title: "SDR" }), employee("bob", { timezone: "Europe/London", isActive: false })];
    const managerId = employee("mo", { title: "Manager" });
    // Reports point forward at their manager: the copy must not insert them before the manager exists.
    for (const id of reportIds) db.update(s.employees).set({ managerId }).where(eq(s.employees.id, id)).run();

    const secrets = { accessToken: "access-token-αβγ-1", refreshToken: "refresh-token-2", webhookSecret: "webhook-secret-3" };
    db.insert(s.dialpadConnections).values({
      organizationId, status: "connected", dialpadCompanyId: "5550001", companyName: "Acme", companyDomain: "acme.test",
      connectedByUserId: adminId, connectedByName: "Dana", connectedAt: t0,
      accessTokenCipher: sealConnectionSecret(organizationId, "access_token", secrets.accessToken),
      refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", secrets.refreshToken),
      webhookSecretCipher: sealConnectionSecret(organizationId, "webhook_secret", secrets.webhookSecret),
      accessTokenExpiresAt: t0 + 3_600_000, licensedUserCount: 3, totalUserCount: 4, webhookId: "wh1", updatedAt: t0,
    }).run();
    db.insert(s.oauthStates).values({ stateHash: "b".repeat(64), organizationId, userId: adminId, codeVerifierCipher: "v1.k1.x", isPopup: true, expiresAt: t0 + 600_000, createdAt: t0 }).run();
    db.insert(s.oauthStates).values({ stateHash: "a".repeat(64), organizationId, userId: adminId, codeVerifierCipher: "v1.k1.y", expiresAt: t0, createdAt: t0 }).run();

    const dialpadUsers = ["1001", "1002", "1003"];
    dialpadUsers.forEach((id, i) =>
      db.insert(s.dialpadUsers).values({
        organizationId, dialpadUserId: id, displayName: `User ${id}`, emails: [`u${id}@acme.test`, "shared@acme.test"],
        phoneNumbers: i === 0 ? ["+12025550100"] : [], license: i === 2 ? null : "agents", isSuperAdmin: i === 0,
        firstSeenAt: t0, lastSeenAt: t0, removedAt: i === 2 ? t0 + 1 : null,
      }).run(),
    );
    db.insert(s.employeeDialpadLinks).values({ organizationId, employeeId: reportIds[0]!, dialpadUserId: "1001", method: "phone", matchedValue: "+12025550100", createdAt: t0, updatedAt: t0 }).run();
    db.insert(s.employeeDialpadLinks).values({ organizationId, employeeId: reportIds[1]!, dialpadUserId: null, method: "manual", updatedByUserId: adminId, createdAt: t0, updatedAt: t0 }).run();
    db.insert(s.mappingEvents).values({ organizationId, employeeId: reportIds[0]!, toDialpadUserId: "1001", toMethod: "phone", actorName: "Automatic", reason: "phone matched", createdAt: t0 }).run();
    db.insert(s.dialpadDirectoryRefreshes).values({ organizationId, refreshedAt: t0, userCount: 3, rejectedCount: 1 }).run();

    const callIds: number[] = [];
    for (let i = 0; i < (options.calls ?? 30); i++) {
      const startedAt = t0 + i * 3_600_000;
      callIds.push(db.insert(s.calls).values({
        organizationId, dialpadCallId: String(9_000_000_000 + i), dialpadUserId: dialpadUsers[i % 2]!, masterCallId: i % 3 === 0 ? String(9_000_000_000 + i) : null,
        direction: i % 2 ? "inbound" : "outbound", state: "hangup", startedAt, connectedAt: i % 4 ? startedAt + 5_000 : null,
        endedAt: startedAt + 65_000, eventTimestamp: startedAt + 65_001, durationMs: 60_000, externalNumber: "+12025550199",
        isTransferred: i % 5 === 0, wasRecorded: false, hasVoicemail: i % 4 === 0, isInternal: false,
        labels: JSON.stringify(i % 2 ? ["sales"] : []), raw: JSON.stringify({ call_id: 9_000_000_000 + i, note: "é\u2028" }),
        firstSyncedAt: t0, updatedAt: t0,
      }).returning().get().id);
    }
    const runId = db.insert(s.syncRuns).values({
      organizationId, kind: "backfill", trigger: "connect", status: "succeeded", rangeStart: t0 - 30 * 86_400_000, rangeEnd: t0, windowEnd: t0 - 30 * 86_400_000,
      windowsTotal: 30, windowsDone: 30, pages: 31, callsSeen: 30, callsAdded: 30, activeSince: t0, startedAt: t0, finishedAt: t0 + 9_000, updatedAt: t0 + 9_000,
    }).returning().get().id;
    db.insert(s.syncRuns).values({ organizationId, kind: "incremental", trigger: "schedule", status: "failed", rangeStart: t0, rangeEnd: t0 + 1, windowEnd: t0, cursor: "c2", windowsTotal: 1, errorCount: 1, errorMessage: "Dialpad 503", isRetryable: true, activeSince: t0, startedAt: t0, finishedAt: t0, updatedAt: t0 }).run();
    db.insert(s.syncSettings).values({ organizationId, backfillDays: 14, webhookToken: "tok_abc", updatedAt: t0 }).run();
    db.insert(s.webhookInbox).values({ organizationId, eventKey: "e1", payload: "{}", receivedAt: t0, processedAt: null }).run();
    db.insert(s.webhookInbox).values({ organizationId, eventKey: "e2", payload: "{}", receivedAt: t0, processedAt: t0 + 1 }).run();
    db.insert(s.quarantinedRecords).values({ organizationId, source: "poll", syncRunId: runId, rawHash: "h1", raw: "{", issues: '["call_id: Required"]', firstSeenAt: t0, lastSeenAt: t0, timesSeen: 3 }).run();

    db.insert(s.dailyScores).values({
      organizationId, employeeId: reportIds[0]!, dayKey: "2025-06-16", role: "SDR", score: 87, talkMs: 123_456, connectedCalls: 4, voicemailsLeft: 1,
      voicemailsReceived: 0, missedCalls: 2, notAnsweredCalls: 1, hasActivity: true, breakdown: '{"points":87}', factsHash: "f1", computedAt: t0,
    }).run();
    db.insert(s.dailyScores).values({
      organizationId, employeeId: reportIds[0]!, dayKey: "2025-06-17", role: "SDR", score: null, noScoreReason: "no_activity", talkMs: 0, connectedCalls: 0,
      voicemailsLeft: 0, voicemailsReceived: 0, missedCalls: 0, notAnsweredCalls: 0, hasActivity: false, breakdown: "", factsHash: "f2", computedAt: t0,
    }).run();
    db.insert(s.callDayEntries).values({ organizationId, employeeId: reportIds[0]!, dayKey: "2025-06-16", callId: callIds[0]!, kind: "connected", countedMs: 60_000, contributionMs: 55_000, isFlagged: false, isStartDay: true, countsAsConnectedCall: true, reason: "talk" }).run();
    db.insert(s.scoreSettings).values({ organizationId, role: "", talkTimeWeight: 60, connectedCallsWeight: 40, defaultTalkTimeTargetMs: 7_200_000, defaultConnectedCallsTarget: 20, updatedAt: t0 }).run();

    // The calls triggers queued "calls" rows above; add the other kinds, one claimed by a drain.
    db.insert(s.scoreRecomputeQueue).values({ organizationId, kind: "employee", employeeId: reportIds[0]! }).run();
    db.insert(s.scoreRecomputeQueue).values({ organizationId, kind: "role", role: "SDR", fromDay: "2025-06-01", toDay: "2025-06-17", isClaimed: true, claimedUntil: t0 + 60_000 }).run();
    db.insert(s.signInThrottles).values({ key: "pair:zed@acme.test 192.0.2.1", failureCount: 2, lastFailureAt: t0, updatedAt: t0 }).run();
    db.insert(s.signInThrottles).values({ key: "email:amy@acme.test", failureCount: 12, lastFailureAt: t0, blockedUntil: t0 + 120_000, updatedAt: t0 }).run();
    db.insert(s.userSessions).values({ id: "session-a", userId: adminId, organizationId, createdAt: t0, lastSeenAt: t0, expiresAt: t0 + 28_800_000 }).run();
    db.insert(s.userSessions).values({ id: "session-b", userId: adminId, organizationId, createdAt: t0, lastSeenAt: t0, expiresAt: t0 + 28_800_000, revokedAt: t0 + 1 }).run();
    db.insert(s.auditEvents).values({ organizationId, actorUserId: adminId, actorName: "dana@acme.test", action: "user.sessions_revoked", targetType: "user", targetId: String(adminId), summary: "Signed out everywhere", details: '{"sessionsEnded":1}', createdAt: t0 }).run();
    db.insert(s.passwordResetTokens).values({ tokenHash: "a".repeat(64), userId: adminId, organizationId, createdByUserId: adminId, createdAt: t0, expiresAt: t0 + 3_600_000 }).run();
    db.insert(s.privacySettings).values({ organizationId, callRetentionMonths: 13, scoreRetentionMonths: 25, maskNumbersFor: "everyone", linkRecordings: true, updatedAt: t0, retentionRanAt: t0, callsPurgedBefore: t0 - 1 }).run();
    // A viewer whose user was removed keeps their name (viewer_user_id null).
    db.insert(s.dataViews).values({ organizationId, employeeId: reportIds[0]!, viewerUserId: adminId, viewerName: "Dana", kind: "day", detail: "Mon 16 Jun 2025", createdAt: t0 }).run();
    db.insert(s.dataViews).values({ organizationId, employeeId: reportIds[0]!, viewerUserId: null, viewerName: "Gone", kind: "export", createdAt: t0 + 1 }).run();
    // An AUTOINCREMENT id above max(id): the copy's sequence must not hand it out again.
    const dropped = db.insert(s.scoreRecomputeQueue).values({ organizationId, kind: "role", role: "gone" }).returning().get().id;
    db.delete(s.scoreRecomputeQueue).where(eq(s.scoreRecomputeQueue.id, dropped)).run();
    return { organizationId, ...secrets };
  } finally {
    sqlite.close();
  }
}
