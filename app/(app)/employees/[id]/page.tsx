import type { Metadata } from "next";
import Link from "next/link";
import { EmployeeDayView } from "@/components/day/employee-day";
import { EmployeeActiveToggle } from "@/components/employees/employee-active-toggle";
import { HiddenNotice } from "@/components/privacy/hidden-notice";
import { RecalculationBanner } from "@/components/scoring/recalculation-banner";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { getDb } from "@/db/client";
import { formatDayKey, isValidDayKey } from "@/lib/dates";
import { listRecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { requireViewer } from "@/lib/session";
import { loadViewerOrganization } from "../../load-viewer-organization";
import { setEmployeeActiveAction } from "../actions";
import { loadDayOrNotFound } from "./load-day";
import { loadProfileOrNotFound } from "./load-profile";
import { ProfileDetails } from "./profile-details";

// "Blake Costa · Mon 30 Nov 2026": the person and, when the URL names one, the day.
export async function generateMetadata({ params, searchParams }: EmployeePageProps): Promise<Metadata> {
  const { employee } = await loadProfileOrNotFound(await requireViewer(), (await params).id);
  const date = (await searchParams).date;
  return { title: isValidDayKey(date) ? `${employee.name} · ${formatDayKey(date)}` : employee.name };
}

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
    loadViewerOrganization(viewer),
    listRecalculationProgress(getDb(), viewer),
  ]);
  const isAdmin = viewer.role === "admin";
  return (
    <>
      <Breadcrumbs
        items={[{ label: "Team", href: "/team" }, { label: formatDayKey(day.dayKey), href: `/team?date=${day.dayKey}` }, { label: employee.name }]}
      />
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
      {isAdmin ? <HiddenNotice employee={employee} /> : null}
      <RecalculationBanner progress={recalculation} />
      <EmployeeDayView day={day} isAdmin={isAdmin} />
      <ProfileDetails profile={profile} organization={organization} />
    </>
  );
}
