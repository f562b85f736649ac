import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { MappingBulkActions } from "@/components/mapping/mapping-bulk-actions";
import { parseMappingSearch } from "@/components/mapping/mapping-search";
import { MappingTable } from "@/components/mapping/mapping-table";
import { UnmappedDialpadUsers, UserNotes } from "@/components/mapping/unmapped-dialpad-users";
import styles from "@/components/mapping/mapping.module.css";
import { getDb } from "@/db/client";
import { formatLocalDateTime } from "@/lib/dates";
import { getDialpadConnectionSummary } from "@/lib/services/dialpad-connection/get-connection-summary";
import { listMappingRows } from "@/lib/services/mapping/list-mapping-rows";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { requireViewer } from "@/lib/session";
import {
  acceptAllSuggestionsAction,
  createEmployeeFromDialpadUserAction,
  refreshDialpadUsersAction,
  setEmployeeMappingAction,
} from "./actions";

export const metadata: Metadata = { title: "Map employees to Dialpad users" };

type MappingPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MappingPage({ searchParams }: MappingPageProps) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const db = getDb();
  const [overview, connection, organization, search] = await Promise.all([
    listMappingRows(db, viewer),
    getDialpadConnectionSummary(db, viewer),
    getViewerOrganization(db, viewer),
    searchParams.then(parseMappingSearch),
  ]);
  const { directory, counts } = overview;

  return (
    <section className="card stack" aria-labelledby="mapping-title">
      <Breadcrumbs items={[{ label: "Settings", href: "/settings" }, { label: "Products", href: "/settings/products" }, { label: "Mapping" }]} />
      <h2 id="mapping-title">Map employees to Dialpad users</h2>
      <p className="muted">
        Daymark maps an employee to the Dialpad user with the same email or, failing that, the same phone number. Only
        active Dialpad users with a phone license can be mapped. Choices you make here are never changed by automatic
        mapping, and every change is recorded.
      </p>
      {connection?.status !== "connected" ? (
        <div className="alert alert--info" role="status">
          Dialpad is not connected. <Link href="/settings/products">Connect Dialpad</Link> to fetch its users.
        </div>
      ) : null}
      {connection?.status === "connected" && !directory ? (
        <div className="alert alert--info" role="status">
          Daymark is fetching your Dialpad users and will map employees as soon as they arrive. Reload this page in a
          moment.
        </div>
      ) : null}
      {directory ? (
        <p data-testid="mapping-summary">
          {counts.mapped} of {counts.all} employees mapped · {counts.conflicts} in conflict · {counts.suggestions} suggested ·
          Dialpad user list fetched {formatLocalDateTime(directory.refreshedAt, organization.timezone)} ({directory.userCount} users).
          {directory.rejectedCount > 0 ? (
            <span className="field__error">
              {" "}
              {directory.rejectedCount} Dialpad user {directory.rejectedCount === 1 ? "record" : "records"} could not be read and{" "}
              {directory.rejectedCount === 1 ? "was" : "were"} skipped.
            </span>
          ) : null}
        </p>
      ) : null}
      <MappingBulkActions
        suggestionCount={counts.suggestions}
        acceptAllAction={acceptAllSuggestionsAction}
        refreshAction={refreshDialpadUsersAction}
      />
      <MappingTable rows={overview.employees} users={overview.mappableDialpadUsers} initialState={search} action={setEmployeeMappingAction} />

      <section className={styles.section} aria-labelledby="unmapped-title">
        <h3 id="unmapped-title">Dialpad users mapped to nobody ({overview.unmappedDialpadUsers.length})</h3>
        <UnmappedDialpadUsers users={overview.unmappedDialpadUsers} action={createEmployeeFromDialpadUserAction} />
      </section>

      {overview.unmappableDialpadUsers.length > 0 ? (
        <details className={styles.section}>
          <summary>Dialpad users that can&apos;t be mapped ({overview.unmappableDialpadUsers.length})</summary>
          <ul>
            {overview.unmappableDialpadUsers.map((user) => (
              <li key={user.dialpadUserId}>
                {user.name} <span className="muted">{user.emails[0] ?? ""}</span>
                <UserNotes user={user} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
