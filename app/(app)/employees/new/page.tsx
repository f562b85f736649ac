import type { Metadata } from "next";
import { EmployeeForm } from "@/components/employees/employee-form";
import { getDb } from "@/db/client";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { requireViewer } from "@/lib/session";
import { createEmployeeAction } from "../actions";
import { managerOptions, timeZoneOptions } from "../employee-form-options";

export const metadata: Metadata = { title: "Add employee" };

export default async function NewEmployeePage() {
  const viewer = await requireViewer({ roles: ["admin"] });
  const db = getDb();
  const [organization, employees] = await Promise.all([
    getViewerOrganization(db, viewer),
    listVisibleEmployees(db, viewer),
  ]);
  return (
    <>
      <div className="page-header">
        <h1>Add employee</h1>
      </div>
      <div className="card">
        <EmployeeForm
          action={createEmployeeAction}
          initial={{ name: "", email: "", phone: "", timezone: "", title: "", managerId: "" }}
          managers={managerOptions(employees)}
          timeZones={timeZoneOptions()}
          organizationTimeZone={canonicalTimeZone(organization.timezone)}
          submitLabel="Add employee"
          cancelHref="/employees"
        />
      </div>
    </>
  );
}
