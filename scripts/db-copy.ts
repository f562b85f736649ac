import { parseArgs } from "node:util";
import { copySqliteToPostgres } from "./db-copy/copy-database";
import { CopyMismatchError, CopyRefusedError } from "./db-copy/errors";
import { formatRowCounts } from "./db-copy/row-counts";

// npm run db:copy -- --from ./data/daymark.db --to postgres://user:password@host:5432/daymark
// Copies a SQLite install into an empty PostgreSQL database (migrated first), then compares every
// table's row count. Exit 1: refused or failed, nothing copied; stop the app during the copy.
const usage = "Usage: npm run db:copy -- --from ./data/daymark.db --to postgres://user:password@host:5432/database";

async function main(): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    ({ values: { from, to } } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (!from || !to) {
    console.error(usage);
    return 1;
  }
  try {
    const { counts } = await copySqliteToPostgres({ from, to, log: (line) => console.log(line) });
    console.log(`\n${formatRowCounts(counts)}\n\nCopied: every table's row count matches. Point DATABASE_URL at the PostgreSQL database.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyMismatchError) console.error(`\n${formatRowCounts(error.counts)}\n`);
    const known = error instanceof CopyRefusedError || error instanceof CopyMismatchError;
    // Our own messages name the server through describeDatabase; a driver's could echo anything.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:copy ${known ? "refused" : "failed"}: ${known ? message : redactPassword(message, to)}`);
    if (!known) console.error("No rows were committed to the target database.");
    return 1;
  }
}

/** Driver messages can echo the connection string; the password never reaches the terminal. */
function redactPassword(message: string, url: string): string {
  let password = "";
  try {
    password = new URL(url).password;
  } catch {
    return message;
  }
  if (!password) return message;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: the raw form is all the URL holds.
  }
  return message.split(password).join("***").split(decoded).join("***");
}

main().then((code) => process.exit(code));
