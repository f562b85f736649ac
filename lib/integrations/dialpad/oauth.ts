import * as oidc from "openid-client";
import { getDialpadConfig, type DialpadConfig } from "./config";
import {
  DialpadAuthorizationDeniedError,
  DialpadCallbackError,
  DialpadConfigError,
  DialpadTransientError,
} from "./errors";
import { toDialpadOAuthError } from "./oauth-errors";

export interface TokenSet {
  accessToken: string;
  /** Null only when Dialpad issued no refresh token (offline_access not granted). */
  refreshToken: string | null;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

export interface AuthorizationRequest {
  url: string;
  /** Store server-side with the verifier (one-time, short TTL, bound to the admin's session). */
  state: string;
  codeVerifier: string;
}

export interface OAuthOptions {
  config?: DialpadConfig;
  now?: () => number;
}

// Dialpad does not document expires_in; community clients assume an hour when it is missing.
const defaultExpiresInSeconds = 3600;
const tokenRequestTimeoutSeconds = 15;

export async function createAuthorizationRequest(options: OAuthOptions = {}): Promise<AuthorizationRequest> {
  const config = options.config ?? getDialpadConfig();
  const state = oidc.randomState();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(buildConfiguration(config), {
    redirect_uri: config.redirectUri,
    response_type: "code",
    scope: config.scope,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, state, codeVerifier };
}

export async function exchangeAuthorizationCode(
  input: { callbackUrl: string | URL; expectedState: string; codeVerifier: string },
  options: OAuthOptions = {},
): Promise<TokenSet> {
  const config = options.config ?? getDialpadConfig();
  const params = new URL(input.callbackUrl).searchParams;
  // Checked before state so a Deny reads as a Deny even if Dialpad drops `state` on error redirects.
  const oauthError = params.get("error");
  if (oauthError) throw new DialpadAuthorizationDeniedError(oauthError.slice(0, 64));
  if (!input.expectedState || params.get("state") !== input.expectedState) {
    throw new DialpadCallbackError("the state does not match this sign-in");
  }
  if (!params.get("code")) throw new DialpadCallbackError("no authorization code");

  // Rebuild the callback on the configured redirect URI: behind a proxy the request URL's host can
  // differ, and the token request must repeat the registered redirect_uri exactly.
  const currentUrl = new URL(config.redirectUri);
  currentUrl.search = params.toString();
  try {
    const tokens = await oidc.authorizationCodeGrant(buildConfiguration(config), currentUrl, {
      expectedState: input.expectedState,
      pkceCodeVerifier: input.codeVerifier,
    });
    return toTokenSet(tokens, null, options.now ?? Date.now);
  } catch (error) {
    throw toDialpadOAuthError(error);
  }
}

/** Dialpad rotates refresh tokens: store the returned one; if a response carries none, keep the old. */
export async function refreshAccessToken(refreshToken: string, options: OAuthOptions = {}): Promise<TokenSet> {
  const config = options.config ?? getDialpadConfig();
  try {
    const tokens = await oidc.refreshTokenGrant(buildConfiguration(config), refreshToken);
    return toTokenSet(tokens, refreshToken, options.now ?? Date.now);
  } catch (error) {
    throw toDialpadOAuthError(error);
  }
}

/** POST /oauth2/deauthorize with the token as Bearer. A token Dialpad already rejects counts as revoked. */
export async function revokeToken(accessToken: string, options: OAuthOptions = {}): Promise<void> {
  const config = options.config ?? getDialpadConfig();
  let response: Response;
  try {
    response = await fetch(config.deauthorizeEndpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(tokenRequestTimeoutSeconds * 1000),
    });
  } catch (error) {
    throw new DialpadTransientError("Could not reach Dialpad to revoke the token.", null, null, { cause: error });
  }
  await response.body?.cancel();
  if (response.ok || response.status === 400 || response.status === 401) return;
  throw new DialpadTransientError(`Dialpad could not revoke the token (HTTP ${response.status}).`, response.status);
}

function toTokenSet(tokens: oidc.TokenEndpointResponse, previousRefreshToken: string | null, now: () => number): TokenSet {
  const expiresIn = typeof tokens.expires_in === "number" ? tokens.expires_in : defaultExpiresInSeconds;
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previousRefreshToken,
    expiresAt: now() + expiresIn * 1000,
  };
}

function buildConfiguration(config: DialpadConfig): oidc.Configuration {
  if (!config.clientId || !config.clientSecret) {
    throw new DialpadConfigError("DIALPAD_CLIENT_ID and DIALPAD_CLIENT_SECRET must be set to connect Dialpad.");
  }
  const configuration = new oidc.Configuration(
    {
      issuer: config.baseUrl,
      authorization_endpoint: config.authorizationEndpoint,
      token_endpoint: config.tokenEndpoint,
    },
    config.clientId,
    undefined,
    oidc.ClientSecretPost(config.clientSecret),
  );
  configuration.timeout = tokenRequestTimeoutSeconds;
  configuration[oidc.customFetch] = createTolerantTokenFetch(config.tokenEndpoint);
  if (config.isLoopback) oidc.allowInsecureRequests(configuration);
  return configuration;
}

// The one place Dialpad's token-endpoint quirks are absorbed before openid-client validates:
// the spec marks every field nullable and leaves token_type unconfirmed, while oauth4webapi
// requires token_type and rejects null refresh_token/expires_in. We also drop id_token (we never
// ask for OIDC) and re-label JSON error bodies so `invalid_grant` stays recognisable.
function createTolerantTokenFetch(tokenEndpoint: string): oidc.CustomFetch {
  return async (url, init) => {
    const response = await fetch(url, init as RequestInit);
    const isTokenCall = url === tokenEndpoint && (response.status === 200 || (response.status >= 400 && response.status < 500));
    if (!isTokenCall) return response;
    let body: unknown;
    try {
      body = await response.clone().json();
    } catch {
      return response;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) return response;
    const fields = Object.entries(body).filter(([key, value]) => value !== null && key !== "id_token");
    const fixed: Record<string, unknown> = Object.fromEntries(fields);
    if (response.status === 200) fixed.token_type ??= "Bearer";
    return new Response(JSON.stringify(fixed), {
      status: response.status,
      headers: { "content-type": "application/json", ...wwwAuthenticate(response) },
    });
  };
}

function wwwAuthenticate(response: Response): Record<string, string> {
  const value = response.headers.get("www-authenticate");
  return value ? { "www-authenticate": value } : {};
}
