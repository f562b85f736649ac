import { describe, expect, it } from "vitest";
import { employeeIdSchema, employeeInputSchema } from "./employee-schemas";

const form = { name: "Ann Lee", email: "ann@example.com" };

describe("employee ids", () => {
  it.each(["0x8", "8e0", "8.0", "08", "+8"])("%s is not employee 8", (raw) => {
    expect(employeeIdSchema.safeParse(raw).success).toBe(false);
  });

  it("8 is employee 8", () => {
    expect(employeeIdSchema.parse("8")).toBe(8);
  });

  it.each(["0x8", "8e0", "8.0"])("a manager id %s asks to choose from the list", (managerId) => {
    const result = employeeInputSchema.safeParse({ ...form, managerId });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["managerId", "Choose a manager from the list."],
    ]);
  });

  it("a blank manager is no manager, and 8 is manager 8", () => {
    expect(employeeInputSchema.parse({ ...form, managerId: "" }).managerId).toBeNull();
    expect(employeeInputSchema.parse({ ...form, managerId: "8" }).managerId).toBe(8);
  });
});
