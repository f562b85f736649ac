// Test support: the Dialpad emulator as the token endpoint and API of the refresh tests, with its counters.
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { EmulatorConfig } from "@/emulator/config";
import { resetEnvCache } from "@/lib/env";
import { testTokenKeys } from "./store-connection";

/** Starts an emulator and points this process's Dialpad settings (and any process it spawns) at it. */
export async function startTokenEmulator(overrides: Partial<EmulatorConfig> = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, anchor: Date.parse("2025-06-18T15:30:00Z"), days: 1, users: 3, rateLimit: 0, ...overrides });
  Object.assign(process.env, testTokenKeys, {
    DIALPAD_BASE_URL: emulator.url,
    DIALPAD_CLIENT_ID: emulator.state.config.clientId,
    DIALPAD_CLIENT_SECRET: emulator.state.config.clientSecret,
    APP_URL: "http://127.0.0.1:3999",
  });
  resetEnvCache();
  return emulator;
}

export async function emulatorAdmin<T = unknown>(emulator: RunningEmulator, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__admin${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator admin ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A token pair for the company's admin, as the OAuth flow would give it. */
export function issueAdminTokens(emulator: RunningEmulator) {
  return emulatorAdmin<{ access_token: string; refresh_token: string; expires_in: number }>(emulator, "/tokens", {
    user: emulator.state.data.companies[0]!.adminEmail,
    scopes: ["calls:list", "offline_access"],
  });
}

export interface TokenStats {
  requests: Record<string, number>;
  refreshes: number;
  refreshReuseRevocations: number;
}

export function emulatorStats(emulator: RunningEmulator): Promise<TokenStats> {
  return emulatorAdmin<TokenStats>(emulator, "/stats");
}
