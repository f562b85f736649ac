import type { Viewer } from "./viewer";

export type MainNavLink = { href: string; label: string; exact?: boolean };

/** Where a signed-in person lands at "/": an employee on their own day, everyone else on the Team page. */
export function getHomePath(viewer: Viewer): string {
  if (viewer.role === "employee" && viewer.employeeId !== null) return `/employees/${viewer.employeeId}`;
  return "/team";
}

/**
 * The main navigation: employees get their own day and My data (never a one-row Team table or an
 * Employees list); managers and admins get Team and Employees, admins Settings; everyone with an
 * employee record gets My data.
 */
export function listMainNavLinks(viewer: Viewer): MainNavLink[] {
  const myData = viewer.employeeId !== null ? [{ href: "/my-data", label: "My data" }] : [];
  if (viewer.role === "employee") {
    return [...(viewer.employeeId !== null ? [{ href: getHomePath(viewer), label: "My day" }] : []), ...myData];
  }
  return [
    { href: "/team", label: "Team" },
    { href: "/employees", label: "Employees" },
    ...(viewer.role === "admin" ? [{ href: "/settings", label: "Settings" }] : []),
    ...myData,
  ];
}
