// Test support for the sync: an in-process emulator, an organization connected to it with sealed
// tokens, a fast-failing client, and the exact comparison of stored calls with the emulator's data.
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { listOrganizationCalls } from "@/db/queries/calls";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import type { CallRow } from "@/db/schema";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { EmulatorConfig } from "@/emulator/config";
import type { CallLeg } from "@/lib/calls/types";
import { resetEnvCache } from "@/lib/env";
import { createDialpadClient, createRateLimiter, type DialpadClientOptions } from "@/lib/integrations/dialpad/client";
import { toStoredCallPayload } from "@/lib/integrations/dialpad/stored-payload";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { getDialpadAccessToken, refreshDialpadAccessToken } from "@/lib/services/dialpad-connection/access-token";
import { sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { createOrganization } from "@/tests/factories";

/** Every generated call has ended by then, so the listing is complete and stable. */
export const anchor = Date.parse("2025-06-18T15:30:00Z");
export const dayMs = 86_400_000;
export const testKeys = { TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", TOKEN_KEY_ACTIVE: "k1" };

/**
 * The sync suites run against both emulator modes: "strict" takes the harder reading of every UNCONFIRMED
 * point (25 legs a page whatever `limit` says, expiring cursors, ids ≥ 2^53, ring-all, call-center,
 * meeting and outbound-voicemail legs). Strict runs use fewer users, so both modes together stay short.
 */
export const syncModes = ["default", "strict"] as const;
export type SyncMode = (typeof syncModes)[number];

export function syncEmulatorConfig(mode: SyncMode): Partial<EmulatorConfig> {
  return mode === "strict" ? { mode, users: 8 } : { mode };
}

/** Legs a /call page holds: strict Dialpad ignores `limit` and always pages by 25. */
export function servedPageSize(mode: SyncMode, requested: number): number {
  return mode === "strict" ? 25 : Math.min(requested, 100);
}

export async function startSyncEmulator(
  overrides: Partial<EmulatorConfig> = {},
  options: Parameters<typeof startEmulator>[1] = {},
): Promise<RunningEmulator> {
  const config = { port: 0, anchor, days: 4, users: 12, rateLimit: 0, webhookRetryDelaysMs: [20, 40], ...overrides };
  const emulator = await startEmulator(config, options);
  Object.assign(process.env, testKeys, {
    DIALPAD_BASE_URL: emulator.url,
    DIALPAD_CLIENT_ID: emulator.state.config.clientId,
    DIALPAD_CLIENT_SECRET: emulator.state.config.clientSecret,
    APP_URL: "http://127.0.0.1:3999",
  });
  resetEnvCache();
  return emulator;
}

export async function admin<T = unknown>(emulator: RunningEmulator, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__admin${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`admin ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Fresh tokens for the emulated company's admin, as the OAuth flow would give them. */
export async function issueTokens(emulator: RunningEmulator) {
  const user = emulator.state.data.companies[0]!.adminEmail;
  return admin<{ access_token: string; refresh_token: string; expires_in: number }>(emulator, "/tokens", {
    user,
    scopes: ["calls:list", "offline_access"],
  });
}

/** Stores (or replaces) a connected Dialpad connection with sealed tokens from the emulator. */
export async function connectOrganization(db: Db, emulator: RunningEmulator, organizationId: number): Promise<void> {
  const tokens = await issueTokens(emulator);
  const now = Date.now();
  await upsertDialpadConnection(db, {
    organizationId,
    status: "connected",
    dialpadCompanyId: emulator.state.data.companies[0]!.id,
    companyName: "Acme",
    companyDomain: emulator.state.data.companies[0]!.domain,
    connectedByName: "Dana Admin",
    connectedAt: now,
    accessTokenCipher: sealConnectionSecret(organizationId, "access_token", tokens.access_token),
    refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", tokens.refresh_token),
    accessTokenExpiresAt: now + tokens.expires_in * 1000,
    lastErrorMessage: null,
    updatedAt: now,
  });
}

export async function createConnectedOrganization(db: Db, emulator: RunningEmulator): Promise<number> {
  const organization = await createOrganization(db);
  await connectOrganization(db, emulator, organization.id);
  return organization.id;
}

/**
 * The production wiring (stored tokens, single-flight refresh) with short backoff. The request timeout is
 * long on purpose: a loaded machine can take seconds to answer, and a test of a hang fires it through a fake clock.
 */
export function fastClientFactory(baseUrl: string, overrides: Partial<DialpadClientOptions> = {}) {
  return (db: Db, organizationId: number) =>
    createDialpadClient({
      baseUrl,
      getAccessToken: () => getDialpadAccessToken(db, organizationId),
      onUnauthorized: (stale) => refreshDialpadAccessToken(db, organizationId, stale),
      rateLimiter: createRateLimiter(100_000),
      timeoutMs: 30_000,
      backoffBaseMs: 5,
      backoffMaxMs: 40,
      ...overrides,
    });
}

/** Every concluded leg the emulator holds with date_started in [start, end), as the REST API shows it. */
export async function emulatorCalls(emulator: RunningEmulator, start: number, end: number): Promise<Record<string, unknown>[]> {
  const body = await admin<{ items: Record<string, unknown>[] }>(emulator, `/calls?started_after=${start - 1}&started_before=${end}`);
  return body.items;
}

export function rowToCallLeg(row: CallRow): CallLeg {
  return {
    dialpadCallId: row.dialpadCallId, dialpadUserId: row.dialpadUserId, masterCallId: row.masterCallId,
    entryPointCallId: row.entryPointCallId, operatorCallId: row.operatorCallId, direction: row.direction, state: row.state,
    startedAt: row.startedAt, rangAt: row.rangAt, connectedAt: row.connectedAt, endedAt: row.endedAt,
    eventTimestamp: row.eventTimestamp, durationMs: row.durationMs, externalNumber: row.externalNumber,
    internalNumber: row.internalNumber, contactName: row.contactName, contactPhone: row.contactPhone,
    contactType: row.contactType, targetType: row.targetType, targetName: row.targetName,
    entryPointTargetName: row.entryPointTargetName, isTransferred: row.isTransferred, wasRecorded: row.wasRecorded,
    hasVoicemail: row.hasVoicemail, leftVoicemail: row.leftVoicemail, isInternal: row.isInternal, labels: JSON.parse(row.labels) as string[],
  };
}

/** The legs the emulator's items become once stored: an internal receiver's voicemail marks its caller's leg. */
export function expectedCallLegs(items: Record<string, unknown>[]): Map<string, CallLeg> {
  const legs = new Map(parseCallItems(items).calls.map((call) => [call.call_id, toCallLeg(call)]));
  for (const leg of legs.values()) {
    if (leg.direction !== "inbound" || !leg.isInternal || !leg.hasVoicemail) continue;
    const caller = legs.get(leg.entryPointCallId ?? leg.masterCallId ?? "");
    if (caller?.direction === "outbound") caller.leftVoicemail = true;
  }
  return legs;
}

/** The stored legs are exactly the emulator's: same ids, same raw payloads, same normalized columns. */
export async function expectStoredCallsToMatch(db: Db, organizationId: number, expected: Record<string, unknown>[]): Promise<void> {
  const rows = await listOrganizationCalls(db, organizationId);
  const byId = new Map(rows.map((row) => [row.dialpadCallId, row]));
  expect(rows.length).toBe(expected.length);
  expect([...byId.keys()].sort()).toEqual(expected.map((item) => String(item.call_id)).sort());
  const legs = expectedCallLegs(expected);
  for (const item of expected) {
    const row = byId.get(String(item.call_id))!;
    expect(JSON.parse(row.raw)).toEqual(toStoredCallPayload(item));
    expect(rowToCallLeg(row)).toEqual(legs.get(String(item.call_id)));
  }
}

/** Pages a full listing of [start, end) takes: one per started window, plus one per full page. */
export function expectedPageCount(items: Record<string, unknown>[], start: number, end: number, pageSize: number): number {
  let pages = 0;
  for (let windowEnd = end; windowEnd > start; windowEnd -= dayMs) {
    const windowStart = Math.max(start, windowEnd - dayMs);
    const inWindow = items.filter((item) => Number(item.date_started) >= windowStart && Number(item.date_started) < windowEnd).length;
    pages += Math.max(1, Math.ceil(inWindow / pageSize));
  }
  return pages;
}
