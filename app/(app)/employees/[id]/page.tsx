import type { Metadata } from "next";
import Link from "next/link";
import { EmployeeDayView } from "@/components/day/employee-day";
import { EmployeeActiveToggle } from "@/components/employees/employee-active-toggle";
import { RecalculationBanner } from "@/components/scoring/recalculation-banner";
import { getDb } from "@/db/client";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { listRecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { requireViewer } from "@/lib/session";
import { setEmployeeActiveAction } from "../actions";
import { loadDayOrNotFound } from "./load-day";
import { loadProfileOrNotFound } from "./load-profile";
import { ProfileDetails } from "./profile-details";

export const metadata: Metadata = { title: "Employee" };

type EmployeePageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// An employee's day (?date=YYYY-MM-DD, default today in their time zone) above their profile.
export default async function EmployeePage({ params, searchParams }: EmployeePageProps) {
  const viewer = await requireViewer();
  const profile = await loadProfileOrNotFound(viewer, (await params).id);
  const { employee } = profile;
  const [day, organization, recalculation] = await Promise.all([
    loadDayOrNotFound(viewer, employee.id, (await searchParams).date),
    getViewerOrganization(getDb(), viewer),
    listRecalculationProgress(getDb(), viewer),
  ]);
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
      <RecalculationBanner progress={recalculation} />
      <EmployeeDayView day={day} isAdmin={isAdmin} />
      <ProfileDetails profile={profile} organization={organization} />
    </>
  );
}
