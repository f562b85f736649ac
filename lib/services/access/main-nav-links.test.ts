import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import { getHomePath, listMainNavLinks } from "./main-nav-links";

const viewer = (role: Viewer["role"], employeeId: number | null): Viewer => ({ userId: 1, organizationId: 1, role, email: "a@b.test", name: "A", employeeId });

describe("main navigation", () => {
  it("gives an employee their own day and My data, never Team or Employees", () => {
    expect(listMainNavLinks(viewer("employee", 7)).map((link) => [link.label, link.href])).toEqual([
      ["My day", "/employees/7"],
      ["My data", "/my-data"],
    ]);
    expect(getHomePath(viewer("employee", 7))).toBe("/employees/7");
  });

  it("keeps Team and Employees for managers and admins, Settings for admins, and My data for anyone with an employee record", () => {
    expect(listMainNavLinks(viewer("manager", 3)).map((link) => link.label)).toEqual(["Team", "Employees", "My data"]);
    expect(listMainNavLinks(viewer("admin", null)).map((link) => link.label)).toEqual(["Team", "Employees", "Settings"]);
    expect(getHomePath(viewer("admin", null))).toBe("/team");
  });
});
