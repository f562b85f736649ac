import Link from "next/link";
import { ContactValue } from "@/components/ui/contact-value";
import type { Organization } from "@/db/schema";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import type { EmployeeProfile } from "@/lib/services/employees/get-employee-profile";

/** The employee's contact details, manager and direct reports. */
export function ProfileDetails({ profile, organization }: { profile: EmployeeProfile; organization: Organization }) {
  const { employee, manager, reports } = profile;
  return (
    <>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="details">
          <dt>Email</dt>
          <dd>
            <ContactValue value={employee.email} />
          </dd>
          <dt>Phone</dt>
          <dd>{employee.phone ? <ContactValue value={employee.phone} /> : "—"}</dd>
          <dt>Time zone</dt>
          <dd>{employee.timezone ? canonicalTimeZone(employee.timezone) : `${canonicalTimeZone(organization.timezone)} (organization default)`}</dd>
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
