// The rule that lets PostgreSQL tables be distributed by organization_id (Citus, docs/scaling.md): every
// tenant table carries organization_id, and its primary key and every unique index lead with it, so each
// row and each uniqueness check lives on one organization's shard.
import type { SchemaShape } from "./schema-parity/shape";

/**
 * Global tables: read before any organization is known, or shared by all of them. On Citus they are
 * reference tables (replicated to every node) or coordinator-local tables, never distributed.
 */
export const globalTables: Record<string, string> = {
  // The tenants themselves: every tenant table's organization_id references it.
  organizations: "reference table",
  // Sign-in finds a user by email alone, before the organization is known, so email is unique across organizations.
  users: "reference table",
  // The webhook URL's opaque token is how an incoming Dialpad event finds its organization.
  sync_settings: "reference table",
  // The session cookie carries only a random id; every request reads it before knowing the organization.
  user_sessions: "coordinator-local table",
  // A reset link carries only the token; the page reads it signed out.
  password_reset_tokens: "coordinator-local table",
  // Keyed by email and address before sign-in; no organization at all.
  sign_in_throttles: "coordinator-local table",
};

/** Every breach of the rule in a migrated schema, one line each; [] when it holds. */
export function findTenantKeyProblems(shape: SchemaShape): string[] {
  const out: string[] = [];
  for (const [name, table] of Object.entries(shape.tables).sort(([a], [b]) => a.localeCompare(b))) {
    if (name in globalTables) continue;
    const organization = table.columns.organization_id;
    if (!organization) {
      out.push(`table ${name}: no organization_id`);
      continue;
    }
    if (!organization.notNull) out.push(`table ${name}: organization_id may be null`);
    // SQLite's INTEGER PRIMARY KEY is the rowid and cannot be composite: (id) there is PostgreSQL's (organization_id, id).
    const isSqliteRowid = shape.engine === "sqlite" && table.primaryKey.length === 1 && table.columns[table.primaryKey[0]!]?.isGeneratedId === true;
    if (table.primaryKey[0] !== "organization_id" && !isSqliteRowid) {
      out.push(`table ${name}: primary key (${table.primaryKey.join(", ")}) does not lead with organization_id`);
    }
    for (const [index, { columns, isUnique }] of Object.entries(table.indexes).sort(([a], [b]) => a.localeCompare(b))) {
      if (isUnique && columns[0] !== "organization_id") out.push(`unique index ${name}.${index}: (${columns.join(", ")}) does not lead with organization_id`);
    }
  }
  return out;
}
