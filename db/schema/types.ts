// Row types, inferred once from the PostgreSQL declarations (the SQLite ones infer the same shapes).
import type * as t from "./pg";

export type Organization = typeof t.organizations.$inferSelect;
export type NewOrganization = typeof t.organizations.$inferInsert;
export type User = typeof t.users.$inferSelect;
export type NewUser = typeof t.users.$inferInsert;
export type Employee = typeof t.employees.$inferSelect;
export type NewEmployee = typeof t.employees.$inferInsert;
export type DialpadConnection = typeof t.dialpadConnections.$inferSelect;
export type OauthState = typeof t.oauthStates.$inferSelect;
export type CallRow = typeof t.calls.$inferSelect;
export type NewCallRow = typeof t.calls.$inferInsert;
export type DialpadUserRow = typeof t.dialpadUsers.$inferSelect;
export type NewDialpadUserRow = typeof t.dialpadUsers.$inferInsert;
export type EmployeeDialpadLink = typeof t.employeeDialpadLinks.$inferSelect;
export type MappingEvent = typeof t.mappingEvents.$inferSelect;
export type NewMappingEvent = typeof t.mappingEvents.$inferInsert;
export type DialpadDirectoryRefresh = typeof t.dialpadDirectoryRefreshes.$inferSelect;
export type SyncRun = typeof t.syncRuns.$inferSelect;
export type NewSyncRun = typeof t.syncRuns.$inferInsert;
export type WebhookInboxRow = typeof t.webhookInbox.$inferSelect;
export type QuarantinedRecord = typeof t.quarantinedRecords.$inferSelect;
export type SyncSettingsRow = typeof t.syncSettings.$inferSelect;
export type DailyScore = typeof t.dailyScores.$inferSelect;
export type CallDayEntry = typeof t.callDayEntries.$inferSelect;
export type ScoreSetting = typeof t.scoreSettings.$inferSelect;
export type ScoreQueueRow = typeof t.scoreRecomputeQueue.$inferSelect;
export type SignInAttempt = typeof t.signInAttempts.$inferSelect;
