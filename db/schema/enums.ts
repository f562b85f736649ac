// Enumerations shared by both dialects' schemas and the code above them.
export const connectionStatuses = ["connected", "reconnect_needed", "disconnected"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

export const mappingMethods = ["email", "phone", "manual"] as const;
export type MappingMethod = (typeof mappingMethods)[number];

export const scoreQueueKinds = ["calls", "employee", "role"] as const;
export type ScoreQueueKind = (typeof scoreQueueKinds)[number];
export const scoreBatchUnits = ["employees", "roles"] as const;
export type ScoreBatchUnit = (typeof scoreBatchUnits)[number];

export const syncRunKinds = ["backfill", "incremental", "resync"] as const;
export type SyncRunKind = (typeof syncRunKinds)[number];

export const syncRunTriggers = ["connect", "schedule", "admin"] as const;
export type SyncRunTrigger = (typeof syncRunTriggers)[number];

export const syncRunStatuses = ["running", "succeeded", "failed"] as const;
export type SyncRunStatus = (typeof syncRunStatuses)[number];

export const syncRecordSources = ["poll", "webhook"] as const;
export type SyncRecordSource = (typeof syncRecordSources)[number];

export const defaultSyncSettings = { backfillDays: 30, intervalMinutes: 5, trailingWindowHours: 48 } as const;

export const userRoles = ["admin", "manager", "employee"] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * What an audit event records. "data.exported" is reserved for the data exports another change adds;
 * nothing writes it yet.
 */
export const auditActions = [
  "dialpad.connected",
  "dialpad.disconnected",
  "dialpad.reconnect_needed",
  "mapping.changed",
  "user.created",
  "user.access_changed",
  "user.password_reset",
  "user.sessions_revoked",
  "scores.settings_changed",
  "sync.settings_changed",
  "organization.settings_changed",
  "organization.created",
  "employees.imported",
  "data.exported",
  "privacy.settings_changed",
  "privacy.retention_purged",
  "employee.hidden",
  "employee.unhidden",
  "employee.data_exported",
  "employee.erased",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const maskNumbersForOptions = ["managers", "everyone", "nobody"] as const;
export type MaskNumbersFor = (typeof maskNumbersForOptions)[number];
export const defaultPrivacySettings = {
  callRetentionMonths: 13,
  scoreRetentionMonths: 25,
  maskNumbersFor: "managers" as MaskNumbersFor,
  linkRecordings: false,
} as const;

export const dataViewKinds = ["day", "call", "export"] as const;
export type DataViewKind = (typeof dataViewKinds)[number];
