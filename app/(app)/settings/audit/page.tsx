import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { auditActions } from "@/db/schema";
import { auditActionLabels, auditLogQuerySchema, listAuditLog, type AuditLogQuery } from "@/lib/services/audit/list-audit-log";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Audit log" };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** This page's URL with the filters kept and the page set (page 1 is left out). */
function pageHref(query: AuditLogQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.actor) params.set("actor", query.actor);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/settings/audit?${search}` : "/settings/audit";
}

// Only the first value of a repeated param counts; an empty one (a blank filter) is no filter.
function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return [key, first === "" ? undefined : first];
    }),
  );
}

export default async function AuditLogPage({ searchParams }: AuditPageProps) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const query = auditLogQuerySchema.parse(firstValues(await searchParams));
  const log = await listAuditLog(getDb(), viewer, query);
  const isFiltered = Boolean(query.action || query.actor || query.from || query.to);
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p className="muted">
        Who changed the Dialpad connection, mappings, users, scoring, sync or organization settings, and when. Times are
        in the organization&apos;s time zone ({log.timeZone}). Entries can&apos;t be edited or deleted.
      </p>
      <form className="table-toolbar" method="get" action="/settings/audit" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">All actions</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabels[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <select id="audit-actor" name="actor" defaultValue={query.actor ?? ""}>
            <option value="">Everyone</option>
            {log.actorNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" name="from" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" name="to" defaultValue={query.to ?? ""} />
        </div>
        <div className="button-row">
          <button className="button" type="submit">
            Filter
          </button>
          {isFiltered ? (
            <Link className="button button--secondary" href="/settings/audit">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
      {log.rows.length === 0 ? (
        <p>{isFiltered || log.page > 1 ? "No entries match these filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={new Date(row.at).toISOString()}>{row.time}</time>
                  </td>
                  <td>{row.actorName}</td>
                  <td>{auditActionLabels[row.action]}</td>
                  <td>{row.target}</td>
                  <td>{row.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.page > 1 || log.hasMore ? (
        <nav className="button-row" aria-label="Audit log pages">
          {log.page > 1 ? (
            <Link className="button button--secondary" href={pageHref(query, log.page - 1)}>
              Newer entries
            </Link>
          ) : null}
          <span className="muted">Page {log.page}</span>
          {log.hasMore ? (
            <Link className="button button--secondary" href={pageHref(query, log.page + 1)}>
              Older entries
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
