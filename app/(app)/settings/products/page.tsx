import { z } from "@/lib/zod";
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { AuthenticateDialpadButton } from "@/components/integrations/authenticate-dialpad-button";
import { ConnectionHealth } from "@/components/integrations/connection-health";
import { DisconnectDialpadDialog } from "@/components/integrations/disconnect-dialpad-dialog";
import { PhoneSystemPicker } from "@/components/integrations/phone-system-picker";
import { SyncSection } from "@/components/integrations/sync-section";
import { getDb } from "@/db/client";
import { formatLocalDateTime } from "@/lib/dates";
import { describeConnectFailure } from "@/lib/services/dialpad-connection/connect-outcome";
import { getDialpadConnectionSummary, type DialpadConnectionSummary } from "@/lib/services/dialpad-connection/get-connection-summary";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { getSyncSettingsForAdmin } from "@/lib/services/sync/sync-settings";
import { requireViewer } from "@/lib/session";
import { disconnectDialpadAction } from "./actions";
import { resyncRangeAction, saveSyncSettingsAction, syncNowAction } from "./sync-actions";

const syncActions = { syncNow: syncNowAction, resync: resyncRangeAction, saveSettings: saveSyncSettingsAction };

export const metadata: Metadata = { title: "Products · Settings" };

const searchSchema = z.object({
  dialpad: z.enum(["connected", "failed", "disconnected"]).optional().catch(undefined),
  reason: z.string().max(32).optional().catch(undefined),
  dialpad_domain: z.string().regex(/^[a-z0-9.-]{1,253}$/i).optional().catch(undefined),
});

export default async function ProductsPage({ searchParams }: PageProps<"/settings/products">) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const db = getDb();
  const [organization, summary, search, syncSettings] = await Promise.all([
    getViewerOrganization(db, viewer),
    getDialpadConnectionSummary(db, viewer),
    searchParams.then((params) => searchSchema.parse(params)),
    getSyncSettingsForAdmin(db, viewer),
  ]);
  const isActive = summary && summary.status !== "disconnected";

  return (
    <div className="card-stack">
      <Breadcrumbs items={[{ label: "Settings", href: "/settings" }, { label: "Products" }]} />
      <ResultBanner search={search} summary={summary} organizationDomain={organization.domain} timeZone={organization.timezone} />
      <section className="card stack" aria-labelledby="phone-system-title">
        <h2 id="phone-system-title">Phone system connection</h2>
        {isActive ? (
          <>
            <ConnectionHealth summary={summary} timeZone={organization.timezone} />
            <div className="button-row">
              {summary.status === "reconnect_needed" ? <AuthenticateDialpadButton label="Reconnect Dialpad" /> : null}
              <DisconnectDialpadDialog action={disconnectDialpadAction} />
            </div>
          </>
        ) : (
          <>
            <p className="muted">
              Connect your company&apos;s Dialpad account so each employee&apos;s daily score includes their time on calls. You
              sign in on Dialpad&apos;s own page as a Dialpad company admin; Daymark keeps only the access tokens, never your
              Dialpad password. The Dialpad company must use this organization&apos;s domain, {organization.domain}.
            </p>
            <PhoneSystemPicker backfillDays={syncSettings.backfillDays} />
          </>
        )}
      </section>
      {isActive ? (
        <SyncSection
          admin={viewer}
          timeZone={organization.timezone}
          dayStartHour={organization.dayStartHour}
          isConnected={summary.status === "connected"}
          actions={syncActions}
        />
      ) : null}
    </div>
  );
}

type Search = z.infer<typeof searchSchema>;

function ResultBanner(props: { search: Search; summary: DialpadConnectionSummary | null; organizationDomain: string; timeZone: string }) {
  const { search, summary } = props;
  if (search.dialpad === "connected" && summary?.status === "connected") {
    return (
      <div className="alert alert--success" role="status" data-testid="dialpad-result">
        Dialpad is connected: {summary.companyName} ({summary.companyDomain}), connected by {summary.connectedByName} on{" "}
        {formatLocalDateTime(summary.connectedAt, props.timeZone)}. Calls start syncing now.
      </div>
    );
  }
  if (search.dialpad === "failed") {
    const details = search.dialpad_domain ? { dialpadDomain: search.dialpad_domain, organizationDomain: props.organizationDomain } : undefined;
    return (
      <div className="alert alert--error" role="alert" data-testid="dialpad-result">
        {describeConnectFailure(search.reason ?? "error", details)}
      </div>
    );
  }
  if (search.dialpad === "disconnected") {
    return (
      <div className="alert alert--info" role="status" data-testid="dialpad-result">
        Dialpad is disconnected and its tokens are deleted.
      </div>
    );
  }
  return null;
}
