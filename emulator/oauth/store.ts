// OAuth state: pending authorization requests, one-time codes, grants and their tokens.
import { randomBytes } from "node:crypto";

export const CODE_TTL_MS = 10 * 60_000;
export const PENDING_TTL_MS = 30 * 60_000;

export interface AuthRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  expiresAt: number;
  /** Set once the user has signed in. */
  subject?: { companyIndex: number; userId: string };
}

export interface Grant {
  id: string;
  clientId: string;
  companyIndex: number;
  userId: string;
  scopes: string[];
  revoked: boolean;
  /** The authorization code this grant came from (RFC 6749 §4.1.2: a replayed code revokes it). */
  code: string | null;
}

interface AuthCode {
  request: AuthRequest & { subject: NonNullable<AuthRequest["subject"]> };
  expiresAt: number;
  grantId: string | null;
}

interface TokenRecord {
  grantId: string;
  kind: "access" | "refresh";
  expiresAt: number | null;
  active: boolean;
  /** A refresh token that was exchanged (rotated away), as opposed to one revoked or never issued. */
  rotated?: boolean;
}

export type RefreshResult = { ok: true; tokens: IssuedTokens } | { ok: false; familyRevoked: boolean };

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const opaque = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Grants and their tokens as plain JSON: what a restarted emulator needs to keep a connection working. */
export interface OAuthSnapshot {
  grants: Grant[];
  tokens: [string, TokenRecord][];
}

export class OAuthStore {
  private requests = new Map<string, AuthRequest>();
  private codes = new Map<string, AuthCode>();
  private grants = new Map<string, Grant>();
  private tokens = new Map<string, TokenRecord>();

  constructor(
    public tokenTtlSeconds: number,
    /** Strict mode (RFC 9700 §4.14.2): presenting a rotated refresh token revokes the whole grant. */
    private readonly options: { revokeFamilyOnReuse?: boolean } = {},
  ) {}

  /** Pending sign-ins and codes are short-lived and left out. */
  toSnapshot(): OAuthSnapshot {
    return { grants: [...this.grants.values()], tokens: [...this.tokens.entries()] };
  }

  restore(snapshot: OAuthSnapshot): void {
    this.grants = new Map(snapshot.grants.map((grant) => [grant.id, grant]));
    this.tokens = new Map(snapshot.tokens);
  }

  createRequest(init: Omit<AuthRequest, "id" | "expiresAt">, now = Date.now()): AuthRequest {
    if (this.requests.size > 1_000) this.purge(now);
    const request: AuthRequest = { ...init, id: opaque(18), expiresAt: now + PENDING_TTL_MS };
    this.requests.set(request.id, request);
    return request;
  }

  getRequest(id: string, now = Date.now()): AuthRequest | undefined {
    const request = this.requests.get(id);
    if (!request || request.expiresAt < now) return undefined;
    return request;
  }

  /** Ends the interactive request and returns a fresh authorization code. */
  issueCode(request: AuthRequest, now = Date.now()): string {
    if (!request.subject) throw new Error("cannot issue a code before sign-in");
    this.requests.delete(request.id);
    const code = opaque();
    this.codes.set(code, { request: { ...request, subject: request.subject }, expiresAt: now + CODE_TTL_MS, grantId: null });
    return code;
  }

  private purge(now: number): void {
    for (const [id, r] of this.requests) if (r.expiresAt < now) this.requests.delete(id);
    for (const [code, c] of this.codes) if (c.expiresAt < now) this.codes.delete(code);
  }

  discardRequest(id: string): void {
    this.requests.delete(id);
  }

  /** Exchanges a code once. A second use fails and revokes the grant the first use created. */
  redeemCode(code: string, clientId: string, now = Date.now()): { ok: true; request: AuthCode["request"] } | { ok: false; reason: string } {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false, reason: "The authorization code is invalid." };
    if (entry.grantId !== null) {
      this.revokeGrant(entry.grantId);
      return { ok: false, reason: "The authorization code has already been used." };
    }
    if (entry.expiresAt < now) return { ok: false, reason: "The authorization code has expired." };
    if (entry.request.clientId !== clientId) return { ok: false, reason: "The authorization code was issued to another client." };
    entry.grantId = "pending";
    return { ok: true, request: entry.request };
  }

  createGrant(init: Omit<Grant, "id" | "revoked">, now = Date.now()): { grant: Grant; tokens: IssuedTokens } {
    const grant: Grant = { ...init, id: opaque(12), revoked: false };
    this.grants.set(grant.id, grant);
    if (init.code) {
      const entry = this.codes.get(init.code);
      if (entry) entry.grantId = grant.id;
    }
    return { grant, tokens: this.issueTokens(grant, now) };
  }

  private issueTokens(grant: Grant, now: number): IssuedTokens {
    const accessToken = opaque();
    const refreshToken = opaque();
    this.tokens.set(accessToken, { grantId: grant.id, kind: "access", expiresAt: now + this.tokenTtlSeconds * 1000, active: true });
    this.tokens.set(refreshToken, { grantId: grant.id, kind: "refresh", expiresAt: null, active: true });
    return { accessToken, refreshToken, expiresIn: this.tokenTtlSeconds };
  }

  /**
   * Rotation: the presented refresh token stops working; earlier access tokens live until they expire.
   * With revokeFamilyOnReuse, a rotated token presented again revokes the grant: every token it issued,
   * the newest refresh token included, stops working.
   */
  refresh(refreshToken: string, clientId: string, now = Date.now()): RefreshResult {
    const record = this.tokens.get(refreshToken);
    if (!record || record.kind !== "refresh") return { ok: false, familyRevoked: false };
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked || grant.clientId !== clientId) return { ok: false, familyRevoked: false };
    if (!record.active) {
      if (!record.rotated || !this.options.revokeFamilyOnReuse) return { ok: false, familyRevoked: false };
      this.revokeGrant(grant.id);
      return { ok: false, familyRevoked: true };
    }
    record.active = false;
    record.rotated = true;
    return { ok: true, tokens: this.issueTokens(grant, now) };
  }

  /** The live grant behind an access token, or undefined when unknown, expired or revoked. */
  resolveAccess(accessToken: string, now = Date.now()): Grant | undefined {
    const record = this.tokens.get(accessToken);
    if (!record || record.kind !== "access" || !record.active) return undefined;
    if (record.expiresAt !== null && record.expiresAt <= now) return undefined;
    const grant = this.grants.get(record.grantId);
    return grant && !grant.revoked ? grant : undefined;
  }

  /** The unrevoked grant behind any token it issued (access token even if expired, or refresh token). */
  grantForToken(token: string): Grant | undefined {
    const record = this.tokens.get(token);
    if (!record || !record.active) return undefined;
    const grant = this.grants.get(record.grantId);
    return grant && !grant.revoked ? grant : undefined;
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
    for (const record of this.tokens.values()) if (record.grantId === grantId) record.active = false;
  }

  /** Fault injection: every access token issued so far is expired now (refresh tokens still work). */
  expireAccessTokens(now = Date.now()): number {
    let count = 0;
    for (const record of this.tokens.values()) {
      if (record.kind === "access" && record.active && (record.expiresAt === null || record.expiresAt > now)) {
        record.expiresAt = now;
        count++;
      }
    }
    return count;
  }
}
