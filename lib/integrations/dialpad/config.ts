import { getEnv, type Env } from "@/lib/env";
import { DialpadConfigError } from "./errors";

// Scopes beyond Dialpad's default "basic access":
// - calls:list      GET /api/v2/call (call history; also needs a company-admin account).
// - offline_access  to receive a refresh token (community-documented; without it syncs stop after expiry).
// recordings_export is not requested: Daymark never shows recordings, so it asks for the least it needs.
export const dialpadScopes = ["calls:list", "offline_access"] as const;

export const dialpadCallbackPath = "/api/integrations/dialpad/callback";

export interface DialpadConfig {
  /** Host root, no trailing slash: https://dialpad.com, https://sandbox.dialpad.com or the emulator. */
  baseUrl: string;
  apiBaseUrl: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  deauthorizeEndpoint: string;
  clientId: string;
  clientSecret: string;
  /** Exactly APP_URL + /api/integrations/dialpad/callback: sent in authorize and token requests. */
  redirectUri: string;
  scope: string;
  /** Plain http is allowed only for a loopback emulator. */
  isLoopback: boolean;
}

type ConfigEnv = Pick<Env, "DIALPAD_BASE_URL" | "DIALPAD_CLIENT_ID" | "DIALPAD_CLIENT_SECRET" | "APP_URL">;

export function getDialpadConfig(env: ConfigEnv = getEnv()): DialpadConfig {
  const baseUrl = checkDialpadBaseUrl(env.DIALPAD_BASE_URL);
  return {
    baseUrl,
    apiBaseUrl: `${baseUrl}/api/v2`,
    authorizationEndpoint: `${baseUrl}/oauth2/authorize`,
    tokenEndpoint: `${baseUrl}/oauth2/token`,
    deauthorizeEndpoint: `${baseUrl}/oauth2/deauthorize`,
    clientId: env.DIALPAD_CLIENT_ID,
    clientSecret: env.DIALPAD_CLIENT_SECRET,
    redirectUri: `${env.APP_URL.replace(/\/+$/, "")}${dialpadCallbackPath}`,
    scope: dialpadScopes.join(" "),
    isLoopback: isLoopbackUrl(new URL(baseUrl)),
  };
}

/** Returns the base URL without a trailing slash; refuses plain http except on loopback. */
export function checkDialpadBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DialpadConfigError("DIALPAD_BASE_URL is not a valid URL.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackUrl(url))) {
    throw new DialpadConfigError("DIALPAD_BASE_URL must use https (plain http is allowed only for localhost/127.0.0.1).");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}
