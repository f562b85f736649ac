import { describe, expect, it } from "vitest";
import { computeMapping } from "./compute-mapping";
import { planAutoChanges } from "./plan-auto-changes";
import { dialpadUser, employee, mappingInput } from "./testing";

describe("computeMapping: manual choices", () => {
  it("never overrides a manual choice, and takes its user out of auto-mapping", () => {
    const input = mappingInput({
      employees: [employee(1, { name: "Ann Lee", email: "ann@acme.test" }), employee(2, { email: "bo@acme.test" })],
      dialpadUsers: [
        dialpadUser("ann", { emails: ["ann@acme.test"] }),
        dialpadUser("bo", { displayName: "Bo Kim", emails: ["bo@acme.test"] }),
      ],
      links: [{ employeeId: 1, dialpadUserId: "bo", method: "manual" }],
    });
    const result = computeMapping(input);

    expect(result.employees.get(1)!.outcome).toEqual({ kind: "manual", dialpadUserId: "bo" });
    expect(result.employees.get(2)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
    expect(result.employees.get(2)!.notes).toEqual([
      "Email matches Dialpad user Bo Kim, who is mapped by hand to Ann Lee.",
      "No phone number to match by.",
    ]);
    expect(planAutoChanges(input, result)).toEqual([]);
  });

  it("keeps a manual unmap: the employee stays unmapped although their email matches", () => {
    const input = mappingInput({
      employees: [employee(1, { email: "ann@acme.test" })],
      dialpadUsers: [dialpadUser("ann", { emails: ["ann@acme.test"] })],
      links: [{ employeeId: 1, dialpadUserId: null, method: "manual" }],
    });
    const result = computeMapping(input);

    expect(result.employees.get(1)!.outcome).toEqual({ kind: "manual", dialpadUserId: null });
    expect(planAutoChanges(input, result)).toEqual([]);
  });

  it("resolves a conflict once one side is chosen by hand", () => {
    const input = mappingInput({
      employees: [employee(1, { phone: "415-555-1001" }), employee(2, { phone: "(415) 555-1001" })],
      dialpadUsers: [dialpadUser("a", { phoneNumbers: ["+14155551001"] })],
      links: [{ employeeId: 2, dialpadUserId: "a", method: "manual" }],
    });
    const result = computeMapping(input);
    expect(result.employees.get(1)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
    expect(result.dialpadUsers.get("a")!.conflictEmployeeIds).toEqual([]);
  });

  it("leaves inactive employees' links alone and gives them no new ones", () => {
    const input = mappingInput({
      employees: [
        employee(1, { email: "gone@acme.test", isActive: false }),
        employee(2, { email: "left@acme.test", isActive: false }),
        employee(3, { email: "new@acme.test", phone: "+1 415 555 1001" }),
      ],
      dialpadUsers: [
        dialpadUser("old", { emails: ["gone@acme.test"], phoneNumbers: ["+14155551001"] }),
        dialpadUser("left", { emails: ["left@acme.test"] }),
      ],
      links: [{ employeeId: 1, dialpadUserId: "old", method: "email" }],
    });
    const result = computeMapping(input);
    expect(result.employees.get(1)!.outcome).toEqual({ kind: "inactive", dialpadUserId: "old", method: "email" });
    expect(result.employees.get(2)!.outcome).toEqual({ kind: "inactive", dialpadUserId: null, method: null });
    expect(result.employees.get(3)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
    expect(planAutoChanges(input, result)).toEqual([]);
  });
});

describe("computeMapping: bad input", () => {
  it("explains an employee with neither a usable email nor a phone", () => {
    const result = computeMapping(
      mappingInput({ employees: [employee(1, { email: "  ", phone: null }), employee(2, { email: null, phone: "call me" })], dialpadUsers: [] }),
    );
    expect(result.employees.get(1)!.notes).toEqual(["No email to match by.", "No phone number to match by."]);
    expect(result.employees.get(2)!.notes).toEqual(['Phone "call me" has letters in it; enter digits only.', "No email to match by."]);
    expect(result.employees.get(2)!.hasMalformedPhone).toBe(true);
  });

  it("ignores Dialpad numbers it cannot read and says so on the user", () => {
    const result = computeMapping(
      mappingInput({ employees: [employee(1, { email: null, phone: "12345" })], dialpadUsers: [dialpadUser("a", { phoneNumbers: ["12345", "+14155551001"] })] }),
    );
    expect(result.employees.get(1)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
    expect(result.dialpadUsers.get("a")!.problems).toEqual(['Dialpad number "12345" could not be read and is not used for matching.']);
  });
});

describe("computeMapping: suggestions", () => {
  it("suggests a free user with the same name, or else the same mailbox under another domain", () => {
    const result = computeMapping(
      mappingInput({
        employees: [
          employee(1, { name: "José García", email: "jg@acme.test" }),
          employee(2, { name: "Bo Kim", email: "bo.kim@acme.test" }),
          employee(3, { name: "Cy Ray", email: "cy@acme.test" }),
        ],
        dialpadUsers: [
          dialpadUser("jose", { displayName: "Jose  Garcia", emails: ["jose@acme-sales.test"] }),
          dialpadUser("bo", { displayName: "Robert Kim", emails: ["bo.kim@old-acme.test"] }),
          dialpadUser("cy", { displayName: "Cy Ray", emails: ["cy@old.test"], state: "suspended" }),
        ],
      }),
    );
    expect(result.employees.get(1)!.outcome).toEqual({ kind: "unmatched", suggestion: { dialpadUserId: "jose", basis: "name" } });
    expect(result.employees.get(2)!.outcome).toEqual({ kind: "unmatched", suggestion: { dialpadUserId: "bo", basis: "mailbox" } });
    expect(result.employees.get(3)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
  });

  it("suggests nothing when the name is shared by two employees or two users", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { name: "Sam Lee" }), employee(2, { name: "Sam Lee" }), employee(3, { name: "Ann Ray" })],
        dialpadUsers: [dialpadUser("s", { displayName: "Sam Lee" }), dialpadUser("a1", { displayName: "Ann Ray" }), dialpadUser("a2", { displayName: "Ann Ray" })],
      }),
    );
    for (const id of [1, 2, 3]) expect(result.employees.get(id)!.outcome).toEqual({ kind: "unmatched", suggestion: null });
  });
});

describe("planAutoChanges", () => {
  it("adds, moves and drops automatic links with a reason for each", () => {
    const input = mappingInput({
      employees: [
        employee(1, { email: "ann@acme.test" }),
        employee(2, { email: "bo@acme.test", phone: "+1 415 555 1002" }),
        employee(3, { email: "cy@acme.test" }),
        employee(4, { phone: "415 555 1004" }),
        employee(5, { phone: "415 555 1004" }),
      ],
      dialpadUsers: [
        dialpadUser("ann", { emails: ["ann@acme.test"] }),
        dialpadUser("bo-phone", { phoneNumbers: ["+14155551002"] }),
        dialpadUser("bo-email", { emails: ["bo@acme.test"] }),
        dialpadUser("shared", { phoneNumbers: ["+14155551004"] }),
      ],
      links: [
        { employeeId: 2, dialpadUserId: "bo-phone", method: "phone" },
        { employeeId: 3, dialpadUserId: "gone", method: "email" },
        { employeeId: 4, dialpadUserId: "shared", method: "phone" },
      ],
    });
    expect(planAutoChanges(input, computeMapping(input))).toEqual([
      { employeeId: 1, from: null, to: { dialpadUserId: "ann", method: "email", value: "ann@acme.test" }, reason: "Matched by email ann@acme.test" },
      {
        employeeId: 2,
        from: { dialpadUserId: "bo-phone", method: "phone" },
        to: { dialpadUserId: "bo-email", method: "email", value: "bo@acme.test" },
        reason: "Now matched by email bo@acme.test",
      },
      { employeeId: 3, from: { dialpadUserId: "gone", method: "email" }, to: null, reason: "No longer matches by email or phone" },
      { employeeId: 4, from: { dialpadUserId: "shared", method: "phone" }, to: null, reason: "Conflict: sent to review" },
    ]);
  });
});
