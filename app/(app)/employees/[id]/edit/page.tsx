import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmployeeForm } from "@/components/employees/employee-form";
import { EmployeePrivacyPanel } from "@/components/privacy/employee-privacy-panel";
import { getDb } from "@/db/client";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { employeeIdSchema } from "@/lib/services/employees/employee-schemas";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { requireViewer } from "@/lib/session";
import { eraseEmployeeAction, setEmployeeHiddenAction } from "../../../settings/privacy/employee-actions";
import { updateEmployeeAction } from "../../actions";
import { managerOptions, timeZoneOptions } from "../../employee-form-options";

export const metadata: Metadata = { title: "Edit employee" };

export default async function EditEmployeePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const id = employeeIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const [organization, employees] = await Promise.all([
    getViewerOrganization(db, viewer),
    listVisibleEmployees(db, viewer, { includeInactive: true }),
  ]);
  const employee = employees.find((e) => e.id === id.data);
  if (!employee) notFound();
  return (
    <>
      <div className="page-header">
        <h1>Edit {employee.name}</h1>
      </div>
      <div className="card">
        <EmployeeForm
          action={updateEmployeeAction}
          employeeId={employee.id}
          initial={{
            name: employee.name,
            email: employee.email,
            phone: employee.phone ?? "",
            timezone: employee.timezone ? canonicalTimeZone(employee.timezone) : "",
            title: employee.title ?? "",
            managerId: employee.managerId === null ? "" : String(employee.managerId),
          }}
          managers={managerOptions(employees, employee)}
          timeZones={timeZoneOptions(employee.timezone)}
          organizationTimeZone={canonicalTimeZone(organization.timezone)}
          submitLabel="Save changes"
          cancelHref={`/employees/${employee.id}`}
        />
      </div>
      <EmployeePrivacyPanel
        employee={{ id: employee.id, name: employee.name, isHidden: employee.hiddenAt !== null }}
        hideAction={setEmployeeHiddenAction}
        eraseAction={eraseEmployeeAction}
      />
    </>
  );
}
