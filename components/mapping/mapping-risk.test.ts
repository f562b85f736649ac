import { describe, expect, it } from "vitest";
import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import { describeRisk } from "./mapping-risk";

const user = (id: string, name: string, mappedEmployeeName: string | null): DialpadUserSummary =>
  ({ dialpadUserId: id, name, emails: [], phoneNumbers: [], mappedEmployeeName }) as unknown as DialpadUserSummary;

const row = (overrides: Partial<MappingEmployeeRow>): MappingEmployeeRow =>
  ({ employeeId: 1, name: "Ann Lee", dialpadUser: null, candidates: [], ...overrides }) as MappingEmployeeRow;

describe("describeRisk", () => {
  it("asks before taking a Dialpad user another employee holds, naming them", () => {
    expect(describeRisk(row({}), { kind: "take", user: user("7", "Front Desk", "Blake Costa") })).toEqual({
      choice: "user:7",
      message: "Blake Costa will lose this Dialpad user.",
      confirmLabel: "Move to Ann Lee",
    });
  });

  it("does not ask for a free user or the one the row already has", () => {
    expect(describeRisk(row({}), { kind: "take", user: user("7", "Front Desk", null) })).toBeNull();
    const held = user("7", "Front Desk", "Ann Lee");
    expect(describeRisk(row({ dialpadUser: held }), { kind: "take", user: held })).toBeNull();
  });

  it("asks before clearing, saying what stops counting", () => {
    expect(describeRisk(row({ dialpadUser: user("7", "Front Desk", "Ann Lee") }), { kind: "clear" })).toEqual({
      choice: "none",
      message: "Ann Lee will no longer be mapped to Front Desk; their calls stop counting toward their score.",
      confirmLabel: "Clear mapping",
    });
    expect(describeRisk(row({}), { kind: "clear" })).toBeNull();
  });
});
