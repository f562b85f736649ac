import type { Metadata } from "next";
import Link from "next/link";
import { z } from "@/lib/zod";
import { EmployeesTable } from "@/components/employees/employees-table";
import { getDb } from "@/db/client";
import { listEmployeeRows } from "@/lib/services/employees/list-employee-rows";
import { redirectEmployeeHome } from "@/lib/redirect-employee-home";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Employees" };

const searchSchema = z.object({
  q: z.string().max(200).catch(""),
  sort: z.enum(["name", "email", "title", "manager", "timezone", "status"]).nullable().catch(null),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

type EmployeesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EmployeesPage({ searchParams }: EmployeesPageProps) {
  const viewer = await requireViewer();
  redirectEmployeeHome(viewer);
  const raw = await searchParams;
  const initialState = searchSchema.parse({ q: raw.q ?? "", sort: raw.sort ?? null, dir: raw.dir ?? "asc" });
  const rows = await listEmployeeRows(getDb(), viewer);
  const isAdmin = viewer.role === "admin";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Employees</h1>
          <p>
            {isAdmin
              ? "Add, edit and import the people Daymark reports on."
              : viewer.role === "manager"
                ? "You and your direct reports (read-only)."
                : "Your employee record (read-only)."}
          </p>
        </div>
        {isAdmin ? (
          <div className="button-row">
            <Link className="button" href="/employees/new">
              Add employee
            </Link>
            <Link className="button button--secondary" href="/employees/import">
              Import CSV
            </Link>
          </div>
        ) : null}
      </div>
      <EmployeesTable rows={rows} initialState={initialState} />
    </>
  );
}
