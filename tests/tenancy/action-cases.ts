import type { Tenant } from "./two-organizations";

type Fields = Record<string, string | File>;

/**
 * What a user of `other` sends to each server action, aimed at `home`: its ids where the action takes
 * one (`isForeign`: the action must refuse), otherwise the most tempting values (home's emails, domain,
 * role names). Keyed by "<module under app/>#<export>"; a new action without a case fails the test.
 */
export type ActionCase = { isForeign: boolean; fields: (home: Tenant, other: Tenant) => Fields };

const csv = (home: Tenant) =>
  new File(
    [`name,email,phone,timezone,title,manager_email\nIvy Intruder,ivy@${home.organization.domain},,,,${home.members.manager.user.email}\n`],
    "people.csv",
    { type: "text/csv" },
  );

const employeeFields = (home: Tenant) => ({
  name: "Ivy Intruder",
  email: `ivy@${home.organization.domain}`,
  managerId: String(home.members.manager.employee!.id),
});

export const actionCases: Record<string, ActionCase | ActionCase[]> = {
  "(app)/account/actions.ts#changePasswordAction": {
    isForeign: false,
    fields: (_home, other) => ({ currentPassword: "wrong-password-1", newPassword: "new-password-123", confirmPassword: "new-password-123", userId: String(other.members.admin.user.id) }),
  },
  "(app)/account/actions.ts#signOutEverywhereAction": { isForeign: false, fields: (home) => ({ userId: String(home.members.admin.user.id) }) },
  "(app)/employees/actions.ts#createEmployeeAction": { isForeign: true, fields: employeeFields },
  "(app)/employees/actions.ts#updateEmployeeAction": {
    isForeign: true,
    fields: (home) => ({ ...employeeFields(home), email: home.employee.email, employeeId: String(home.employee.id), managerId: "" }),
  },
  "(app)/employees/actions.ts#setEmployeeActiveAction": { isForeign: true, fields: (home) => ({ employeeId: String(home.employee.id), isActive: "false" }) },
  "(app)/employees/actions.ts#importEmployeesAction": { isForeign: false, fields: (home) => ({ file: csv(home) }) },
  "(app)/settings/actions.ts#updateSettingsAction": {
    isForeign: false,
    fields: (home) => ({ name: "Renamed", timezone: "Asia/Tokyo", countryCode: "JP", dayStartHour: "4", workWeek: "1", organizationId: String(home.organization.id) }),
  },
  "(app)/settings/products/actions.ts#disconnectDialpadAction": { isForeign: false, fields: (home) => ({ callData: "delete", organizationId: String(home.organization.id) }) },
  "(app)/settings/products/phone-system/mapping/actions.ts#setEmployeeMappingAction": [
    { isForeign: true, fields: (home) => ({ employeeId: String(home.employee.id), choice: "none" }) },
    // Its own employee, mapped to the other organization's Dialpad user.
    { isForeign: true, fields: (home, other) => ({ employeeId: String(other.employee.id), choice: `user:${home.spareDialpadUserId}` }) },
  ],
  "(app)/settings/products/phone-system/mapping/actions.ts#acceptAllSuggestionsAction": { isForeign: false, fields: () => ({}) },
  "(app)/settings/products/phone-system/mapping/actions.ts#createEmployeeFromDialpadUserAction": {
    isForeign: true,
    fields: (home) => ({ dialpadUserId: home.spareDialpadUserId }),
  },
  "(app)/settings/products/phone-system/mapping/actions.ts#refreshDialpadUsersAction": { isForeign: false, fields: () => ({}) },
  "(app)/settings/products/sync-actions.ts#syncNowAction": { isForeign: false, fields: (home) => ({ organizationId: String(home.organization.id) }) },
  "(app)/settings/products/sync-actions.ts#resyncRangeAction": { isForeign: false, fields: () => ({ from: "2026-03-09", to: "2026-03-10" }) },
  "(app)/settings/products/sync-actions.ts#saveSyncSettingsAction": {
    isForeign: false,
    fields: () => ({ backfillDays: "2", intervalMinutes: "9", trailingWindowHours: "3" }),
  },
  "(app)/settings/privacy/actions.ts#updatePrivacySettingsAction": {
    isForeign: false,
    fields: (home) => ({ callRetentionMonths: "1", scoreRetentionMonths: "1", maskNumbersFor: "nobody", linkRecordings: "on", organizationId: String(home.organization.id) }),
  },
  "(app)/settings/privacy/employee-actions.ts#setEmployeeHiddenAction": { isForeign: true, fields: (home) => ({ employeeId: String(home.employee.id), isHidden: "true" }) },
  "(app)/settings/privacy/employee-actions.ts#eraseEmployeeAction": {
    isForeign: true,
    fields: (home) => ({ employeeId: String(home.employee.id), confirmName: home.employee.name }),
  },
  "(app)/settings/recalculation-actions.ts#retryFailedScoreWorkAction": [
    { isForeign: true, fields: (home) => ({ id: String(home.failedScoreWorkId) }) },
    { isForeign: false, fields: () => ({ id: "all" }) },
  ],
  "(app)/settings/scoring/actions.ts#updateScoreSettingsAction": {
    isForeign: false,
    fields: (home) => ({ role: home.role, talkTimeWeight: "5", connectedCallsWeight: "0", talkTimeTargetMinutes: "1", connectedCallsTarget: "1" }),
  },
  "(app)/settings/scoring/actions.ts#resetRoleScoreSettingsAction": { isForeign: false, fields: (home) => ({ role: home.role }) },
  "(app)/settings/users/actions.ts#createUserAction": {
    isForeign: true,
    fields: (home) => ({ name: "Ivy Intruder", email: `ivy@${home.organization.domain}`, role: "admin", password: "intruder-password-1" }),
  },
  "(app)/settings/users/actions.ts#changeRoleAction": { isForeign: true, fields: (home) => ({ userId: String(home.members.employee.user.id), role: "admin" }) },
  "(app)/settings/users/actions.ts#setUserActiveAction": { isForeign: true, fields: (home) => ({ userId: String(home.members.admin.user.id), isActive: "false" }) },
  "(app)/settings/users/actions.ts#signOutUserEverywhereAction": { isForeign: true, fields: (home) => ({ userId: String(home.members.admin.user.id) }) },
  "(app)/settings/users/actions.ts#issuePasswordResetAction": { isForeign: true, fields: (home) => ({ userId: String(home.members.admin.user.id) }) },
  // A reset link is a bearer secret, not an id: another tenant never holds one, so it sends a made-up token.
  "(auth)/reset-password/[token]/actions.ts#resetPasswordAction": {
    isForeign: true,
    fields: () => ({ token: "not-a-real-reset-token-000000000000", newPassword: "new-password-123", confirmPassword: "new-password-123" }),
  },
  "(auth)/setup/actions.ts#setupAction": { isForeign: true, fields: (home) => signUpFields(home) },
  "(auth)/signup/actions.ts#signUpAction": { isForeign: true, fields: (home) => signUpFields(home) },
};

function signUpFields(home: Tenant): Fields {
  return {
    organizationName: "Hijack",
    domain: home.organization.domain,
    timezone: "UTC",
    countryCode: "US",
    adminName: "Ivy Intruder",
    adminEmail: `ivy@${home.organization.domain}`,
    password: "intruder-password-1",
  };
}
