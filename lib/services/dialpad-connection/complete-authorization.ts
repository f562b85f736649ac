import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import { takeOauthState, upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { withTransaction } from "@/db/transaction";
import { getEnv } from "@/lib/env";
import { createDialpadClient } from "@/lib/integrations/dialpad/client";
import { DialpadAuthorizationDeniedError, DialpadCallbackError, DialpadForbiddenError } from "@/lib/integrations/dialpad/errors";
import { exchangeAuthorizationCode, revokeToken, type TokenSet } from "@/lib/integrations/dialpad/oauth";
import { toDialpadCompanyRecord, toDialpadUserRecord } from "@/lib/integrations/dialpad/transform";
import { getEligibility } from "@/lib/mapping/eligibility";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { saveBackfillDaysChosenAtConnect } from "@/lib/services/sync/sync-settings";
import { assertAdmin, type AdminContext } from "./context";
import { afterDialpadConnected } from "./lifecycle";
import { hashOauthState, openCodeVerifier } from "./start-authorization";
import { sealConnectionSecret } from "./token-storage";
import { type ConnectOutcome, connectFailure } from "./connect-outcome";

/** Handles Dialpad's redirect back: checks state, exchanges the code, checks the seed's prerequisites, stores tokens. */
export async function completeDialpadAuthorization(
  db: Db,
  admin: AdminContext,
  callbackUrl: URL,
  options: { now?: number } = {},
): Promise<{ outcome: ConnectOutcome; isPopup: boolean }> {
  assertAdmin(admin);
  const now = options.now ?? Date.now();
  const state = callbackUrl.searchParams.get("state") ?? "";
  const stored = state
    ? await takeOauthState(db, { stateHash: hashOauthState(state), organizationId: admin.organizationId, userId: admin.userId })
    : undefined;
  if (!stored) return { outcome: connectFailure("invalid_state"), isPopup: false };
  const isPopup = stored.isPopup;
  if (stored.expiresAt < now) return { outcome: connectFailure("expired"), isPopup };

  let tokens: TokenSet;
  try {
    tokens = await exchangeAuthorizationCode({
      callbackUrl,
      expectedState: state,
      codeVerifier: openCodeVerifier(stored.stateHash, stored.codeVerifierCipher),
    });
  } catch (error) {
    if (error instanceof DialpadAuthorizationDeniedError) {
      return { outcome: connectFailure(error.oauthError === "access_denied" ? "denied" : "error"), isPopup };
    }
    if (error instanceof DialpadCallbackError) return { outcome: connectFailure("invalid_state"), isPopup };
    return { outcome: connectFailure("error"), isPopup };
  }
  return { outcome: await verifyAndStore(db, admin, tokens, now, stored.backfillDays), isPopup };
}

async function verifyAndStore(db: Db, admin: AdminContext, tokens: TokenSet, now: number, backfillDays: number | null): Promise<ConnectOutcome> {
  const client = createDialpadClient({
    baseUrl: getEnv().DIALPAD_BASE_URL,
    getAccessToken: async () => tokens.accessToken,
    onUnauthorized: async () => tokens.accessToken,
  });
  const organization = await getOrganizationById(db, admin.organizationId);
  try {
    const me = toDialpadUserRecord(await client.getMe());
    if (!me.isSuperAdmin) return await refuse(tokens, connectFailure("not_admin"));
    const company = toDialpadCompanyRecord(await client.getCompany());
    if (!organization || company.domain !== organization.domain.toLowerCase()) {
      return await refuse(tokens, connectFailure("domain_mismatch", { dialpadDomain: company.domain ?? "(none)", organizationDomain: organization?.domain ?? "" }));
    }
    let licensedUserCount = 0;
    let totalUserCount = 0;
    for await (const page of client.listUsers({ state: "all" })) {
      for (const user of page.users.map(toDialpadUserRecord)) {
        totalUserCount += 1;
        if (getEligibility({ state: user.state, license: user.license, isRemoved: false }).isMappable) licensedUserCount += 1;
      }
    }
    const companyName = company.name ?? company.domain ?? "Dialpad";
    await withTransaction(db, async (tx) => {
      await upsertDialpadConnection(tx, {
        organizationId: admin.organizationId,
        status: "connected",
        dialpadCompanyId: company.dialpadCompanyId,
        companyName,
        companyDomain: company.domain ?? "",
        connectedByUserId: admin.userId,
        connectedByName: admin.name,
        connectedAt: now,
        accessTokenCipher: sealConnectionSecret(admin.organizationId, "access_token", tokens.accessToken),
        refreshTokenCipher: tokens.refreshToken
          ? sealConnectionSecret(admin.organizationId, "refresh_token", tokens.refreshToken)
          : null,
        accessTokenExpiresAt: tokens.expiresAt,
        lastRefreshAt: now,
        lastErrorMessage: null,
        licensedUserCount,
        totalUserCount,
        updatedAt: now,
      });
      // Before afterDialpadConnected plans the first backfill, so it reads as far back as the admin chose.
      if (backfillDays !== null) await saveBackfillDaysChosenAtConnect(tx, admin, backfillDays, now);
      await recordAuditEvent(tx, {
        organizationId: admin.organizationId,
        actor: admin,
        action: "dialpad.connected",
        target: { type: "dialpad_connection", id: company.dialpadCompanyId },
        summary: `Connected Dialpad (${companyName})`,
        details: { companyDomain: company.domain ?? "", licensedUserCount, totalUserCount },
        at: now,
      });
    });
    await afterDialpadConnected(db, admin.organizationId);
    return { status: "connected", companyName: company.name ?? "", companyDomain: company.domain ?? "", licensedUserCount, totalUserCount };
  } catch (error) {
    if (error instanceof DialpadForbiddenError) return await refuse(tokens, connectFailure("not_admin"));
    return await refuse(tokens, connectFailure("error"));
  }
}

// A refused connection stores nothing and gives the grant back, so no usable token is left behind anywhere.
async function refuse(tokens: TokenSet, outcome: ConnectOutcome): Promise<ConnectOutcome> {
  await revokeToken(tokens.accessToken).catch(() => undefined);
  return outcome;
}
