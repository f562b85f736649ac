// The tables of the engine DATABASE_URL names. Both dialects declare the same tables, columns and
// indexes (db/schema/sqlite, db/schema/pg; db/schema-parity.cross-engine.test.ts keeps them equal) and infer the same
// row types, so code above db/ is written once against the PostgreSQL declarations' types.
import { getActiveEngine } from "../engine";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

const tables = (getActiveEngine() === "postgres" ? pg : sqlite) as unknown as typeof pg;

export const {
  organizations,
  users,
  employees,
  dialpadConnections,
  oauthStates,
  calls,
  dialpadUsers,
  employeeDialpadLinks,
  mappingEvents,
  dialpadDirectoryRefreshes,
  syncRuns,
  webhookInbox,
  quarantinedRecords,
  syncSettings,
  dailyScores,
  callDayEntries,
  scoreSettings,
  scoreRecomputeQueue,
  signInThrottles,
  userSessions,
  passwordResetTokens,
  auditEvents,
  privacySettings,
  dataViews,
} = tables;

export * from "./enums";
export type * from "./types";
