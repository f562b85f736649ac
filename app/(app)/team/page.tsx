import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Team" };

// For now a list of the people the viewer may see; a later issue adds their daily scores.
export default async function TeamPage() {
  const viewer = await requireViewer();
  const employees = await listVisibleEmployees(getDb(), viewer);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p>{viewer.role === "admin" ? "Everyone in your organization." : viewer.role === "manager" ? "You and your direct reports." : "Your own page."}</p>
        </div>
      </div>
      {employees.length === 0 ? (
        <div className="card">
          {viewer.role === "admin" ? (
            <p>
              No employees yet. <Link href="/employees/new">Add an employee</Link> or{" "}
              <Link href="/employees/import">import a CSV file</Link>.
            </p>
          ) : (
            <p>
              No employee record uses your email ({viewer.email}), so there is nothing to show yet. Ask an administrator
              to add one.
            </p>
          )}
        </div>
      ) : (
        <ul className="person-list" aria-label="Team members">
          {employees.map((employee) => (
            <li key={employee.id}>
              <Link href={`/employees/${employee.id}`}>
                <strong>{employee.name}</strong>
                <span className="muted">{employee.title ?? employee.email}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
