import type { Metadata } from "next";
import Link from "next/link";
import { EmployeeActiveToggle } from "@/components/employees/employee-active-toggle";
import { getDb } from "@/db/client";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { requireViewer } from "@/lib/session";
import { setEmployeeActiveAction } from "../actions";
import { loadProfileOrNotFound } from "./load-profile";

export const metadata: Metadata = { title: "Employee" };

// The employee's profile; later issues add the day's calls and score below the details.
export default async function EmployeePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { employee, manager, reports } = await loadProfileOrNotFound(viewer, (await params).id);
  const organization = await getViewerOrganization(getDb(), viewer);
  const isAdmin = viewer.role === "admin";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{employee.name}</h1>
          <p>
            {employee.title ?? "No title"} ·{" "}
            <span className={employee.isActive ? "badge badge--active" : "badge"}>
              {employee.isActive ? "Active" : "Inactive"}
            </span>
          </p>
        </div>
        {isAdmin ? (
          <div className="button-row">
            <Link className="button button--secondary" href={`/employees/${employee.id}/edit`}>
              Edit
            </Link>
            <EmployeeActiveToggle action={setEmployeeActiveAction} employeeId={employee.id} isActive={employee.isActive} />
          </div>
        ) : null}
      </div>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="details">
          <dt>Email</dt>
          <dd>{employee.email}</dd>
          <dt>Phone</dt>
          <dd>{employee.phone ?? "—"}</dd>
          <dt>Time zone</dt>
          <dd>{employee.timezone ?? `${organization.timezone} (organization default)`}</dd>
          <dt>Manager</dt>
          <dd>
            {manager === null ? "—" : manager.isVisible ? <Link href={`/employees/${manager.id}`}>{manager.name}</Link> : manager.name}
          </dd>
        </dl>
      </section>
      {reports.length > 0 ? (
        <section className="card" aria-labelledby="reports-heading">
          <h2 id="reports-heading">Direct reports</h2>
          <ul>
            {reports.map((report) => (
              <li key={report.id}>
                <Link href={`/employees/${report.id}`}>{report.name}</Link>
                {report.isActive ? null : <span className="muted"> (inactive)</span>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
