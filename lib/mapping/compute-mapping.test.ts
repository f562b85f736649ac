import { describe, expect, it } from "vitest";
import { computeMapping } from "./compute-mapping";
import { dialpadUser, employee, mappingInput } from "./testing";

const outcomeOf = (result: ReturnType<typeof computeMapping>, id: number) => result.employees.get(id)!.outcome;
const notesOf = (result: ReturnType<typeof computeMapping>, id: number) => result.employees.get(id)!.notes;

describe("computeMapping: phone numbers", () => {
  it("matches US numbers written in any common format, ignoring extensions", () => {
    const result = computeMapping(
      mappingInput({
        employees: [
          employee(1, { email: null, phone: "(415) 555-1001" }),
          employee(2, { email: null, phone: "+1 415-555-1002 ext. 12" }),
          employee(3, { email: null, phone: "415.555.1003" }),
          employee(4, { email: null, phone: "(212) 555-0105 ext. 12" }),
        ],
        dialpadUsers: [
          dialpadUser("a", { phoneNumbers: ["+14155551001"] }),
          dialpadUser("b", { phoneNumbers: ["+14155551002"] }),
          dialpadUser("c", { phoneNumbers: ["(415) 555-1003"] }),
          dialpadUser("d", { phoneNumbers: ["+12125550105"] }),
        ],
      }),
    );
    expect(outcomeOf(result, 1)).toEqual({ kind: "matched", match: { dialpadUserId: "a", method: "phone", value: "+14155551001" } });
    expect(outcomeOf(result, 2)).toEqual({ kind: "matched", match: { dialpadUserId: "b", method: "phone", value: "+14155551002" } });
    expect(outcomeOf(result, 3)).toEqual({ kind: "matched", match: { dialpadUserId: "c", method: "phone", value: "+14155551003" } });
    expect(outcomeOf(result, 4)).toEqual({ kind: "matched", match: { dialpadUserId: "d", method: "phone", value: "+12125550105" } });
  });

  it("reads national numbers in the organization's country and international ones anywhere", () => {
    const users = [dialpadUser("uk", { phoneNumbers: ["+442079460958"] })];
    const national = [employee(1, { phone: "020 7946 0958" })];
    const international = [employee(1, { phone: "+44 20 7946 0958" })];
    const ukMatch = { kind: "matched", match: { dialpadUserId: "uk", method: "phone", value: "+442079460958" } };

    expect(outcomeOf(computeMapping(mappingInput({ employees: national, dialpadUsers: users, country: "GB" })), 1)).toEqual(ukMatch);
    expect(outcomeOf(computeMapping(mappingInput({ employees: international, dialpadUsers: users, country: "GB" })), 1)).toEqual(ukMatch);
    expect(outcomeOf(computeMapping(mappingInput({ employees: international, dialpadUsers: users, country: "US" })), 1)).toEqual(ukMatch);

    const usResult = computeMapping(mappingInput({ employees: national, dialpadUsers: users, country: "US" }));
    expect(outcomeOf(usResult, 1)).toEqual({ kind: "unmatched", suggestion: null });
    expect(usResult.employees.get(1)!.hasMalformedPhone).toBe(true);
    expect(notesOf(usResult, 1)).toEqual([
      'Phone "020 7946 0958" is not a complete phone number for US; include the country code, such as +1 415 555 0100.',
      "No Dialpad user has the email e1@acme.test.",
    ]);
  });

  it("does not read an American number without its country code as one in a German organization", () => {
    const result = computeMapping(
      mappingInput({ employees: [employee(1, { phone: "(415) 555-1001" })], dialpadUsers: [dialpadUser("a", { phoneNumbers: ["+14155551001"] })], country: "DE" }),
    );
    expect(outcomeOf(result, 1)).toEqual({ kind: "unmatched", suggestion: null });
    expect(notesOf(result, 1)).toEqual(["No Dialpad user has the email e1@acme.test or the number +494155551001."]);
  });
});

describe("computeMapping: emails", () => {
  it("ignores case and surrounding whitespace on both sides", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "  Ann.Lee@Acme.TEST " })],
        dialpadUsers: [dialpadUser("a", { emails: ["other@acme.test", " ANN.LEE@acme.test"] })],
      }),
    );
    expect(outcomeOf(result, 1)).toEqual({ kind: "matched", match: { dialpadUserId: "a", method: "email", value: "ann.lee@acme.test" } });
  });

  it("prefers an email match over a phone match for the employee", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "ann@acme.test", phone: "+1 415 555 1002" })],
        dialpadUsers: [dialpadUser("byEmail", { emails: ["ann@acme.test"] }), dialpadUser("byPhone", { phoneNumbers: ["+14155551002"] })],
      }),
    );
    expect(outcomeOf(result, 1)).toEqual({ kind: "matched", match: { dialpadUserId: "byEmail", method: "email", value: "ann@acme.test" } });
    expect(result.dialpadUsers.get("byPhone")!.conflictEmployeeIds).toEqual([]);
  });

  it("gives a Dialpad user to the employee it matches by email, not to the one it matches by phone", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "ann@acme.test" }), employee(2, { email: "bo@acme.test", phone: "415-555-1001" })],
        dialpadUsers: [dialpadUser("a", { displayName: "Ann Lee", emails: ["ann@acme.test"], phoneNumbers: ["+14155551001"] })],
      }),
    );
    expect(outcomeOf(result, 1)).toMatchObject({ kind: "matched", match: { dialpadUserId: "a", method: "email" } });
    expect(outcomeOf(result, 2)).toEqual({ kind: "unmatched", suggestion: null });
    expect(notesOf(result, 2)).toEqual(["Phone matches Dialpad user Ann Lee, but that user matches another employee by email."]);
  });
});

describe("computeMapping: conflicts go to review on both sides", () => {
  it("flags two employees who share one Dialpad user's number", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { phone: "(415) 555-1001" }), employee(2, { phone: "+14155551001" })],
        dialpadUsers: [dialpadUser("a", { phoneNumbers: ["+14155551001"] })],
      }),
    );
    const candidates = [{ dialpadUserId: "a", method: "phone", value: "+14155551001" }];
    expect(outcomeOf(result, 1)).toEqual({ kind: "conflict", candidates, rivalEmployeeIds: [2] });
    expect(outcomeOf(result, 2)).toEqual({ kind: "conflict", candidates, rivalEmployeeIds: [1] });
    expect(result.dialpadUsers.get("a")!.conflictEmployeeIds).toEqual([1, 2]);
  });

  it("flags an employee whose email is on two Dialpad users, and notes the duplicate on both users", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "ann@acme.test" })],
        dialpadUsers: [
          dialpadUser("a", { displayName: "Ann Lee", emails: ["ann@acme.test"] }),
          dialpadUser("b", { displayName: "Ann Lee (2)", emails: ["ANN@acme.test"] }),
        ],
      }),
    );
    expect(outcomeOf(result, 1)).toEqual({
      kind: "conflict",
      candidates: [
        { dialpadUserId: "a", method: "email", value: "ann@acme.test" },
        { dialpadUserId: "b", method: "email", value: "ann@acme.test" },
      ],
      rivalEmployeeIds: [],
    });
    expect(result.dialpadUsers.get("a")).toEqual({
      isMappable: true,
      unmappableReason: null,
      conflictEmployeeIds: [1],
      problems: ["Email ann@acme.test is also on Dialpad user Ann Lee (2)."],
    });
    expect(result.dialpadUsers.get("b")!.problems).toEqual(["Email ann@acme.test is also on Dialpad user Ann Lee."]);
  });

  it("maps the one mappable user when a duplicate email's other user is suspended", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "ann@acme.test" })],
        dialpadUsers: [dialpadUser("old", { emails: ["ann@acme.test"], state: "suspended" }), dialpadUser("new", { emails: ["ann@acme.test"] })],
      }),
    );
    expect(outcomeOf(result, 1)).toMatchObject({ kind: "matched", match: { dialpadUserId: "new" } });
  });
});

describe("computeMapping: users who cannot be mapped", () => {
  it.each([
    [{ state: "suspended" }, "Suspended in Dialpad"],
    [{ state: "cancelled" }, "Cancelled in Dialpad"],
    [{ state: "pending" }, "Invitation pending in Dialpad"],
    [{ license: null }, "No phone license in Dialpad"],
    [{ license: "lite_support_agents" }, "No phone license in Dialpad"],
    [{ isRemoved: true }, "No longer listed by Dialpad"],
  ])("leaves a match with %j unmapped and says why", (fields, reason) => {
    const result = computeMapping(
      mappingInput({ employees: [employee(1, { email: "ann@acme.test" })], dialpadUsers: [dialpadUser("a", { displayName: "Ann Lee", emails: ["ann@acme.test"], ...fields })] }),
    );
    expect(outcomeOf(result, 1)).toEqual({ kind: "unmatched", suggestion: null });
    expect(notesOf(result, 1)).toEqual([`Email matches Dialpad user Ann Lee, who can't be mapped: ${reason}.`, "No phone number to match by."]);
    expect(result.dialpadUsers.get("a")).toMatchObject({ isMappable: false, unmappableReason: reason });
  });

  it("keeps an existing automatic link when its user is later suspended", () => {
    const result = computeMapping(
      mappingInput({
        employees: [employee(1, { email: "ann@acme.test" })],
        dialpadUsers: [dialpadUser("a", { displayName: "Ann Lee", emails: ["ann@acme.test"], state: "suspended" })],
        links: [{ employeeId: 1, dialpadUserId: "a", method: "email" }],
      }),
    );
    expect(outcomeOf(result, 1)).toMatchObject({ kind: "matched", match: { dialpadUserId: "a" } });
    expect(notesOf(result, 1)).toEqual(["Ann Lee: Suspended in Dialpad. The mapping is kept so past calls still count."]);
  });
});
