import fs from "node:fs";
import path from "node:path";
import { closeDatabase, openDatabase } from "@/db/client";
import { describeDatabase, parseDatabaseUrl } from "@/db/engine";
import { getOrganizationByDomain } from "@/db/queries/organizations";
import { seedDemo, type DemoDialpadUser, type DemoLogins } from "@/db/seed";
import { getEnv } from "@/lib/env";

// Beside the demo's other files (scripts/demo.ts: DEMO_DATA_DIR); read when used, after the demo sets its env.
const loginsFile = () => path.resolve(process.env.DEMO_DATA_DIR || "data", "demo-logins.json");

interface EmulatorCompany {
  name: string;
  domain: string;
  users: DemoDialpadUser[];
}

/** The seeded logins, with the database they were seeded into (a SQLite file or a PostgreSQL server). */
interface SavedLogins {
  database: string;
  logins: DemoLogins;
}

/**
 * Seeds the demo organization from the emulator's main company unless its domain already has one; later runs
 * reuse it. Other organizations (DAYMARK_SIGNUP=open) do not count: the demo's is looked up by its domain.
 */
export async function seedDemoIfEmpty(emulatorUrl: string, password: string): Promise<DemoLogins> {
  const url = getEnv().DATABASE_URL;
  const database = describeDatabase(parseDatabaseUrl(url));
  const db = openDatabase(url);
  try {
    const response = await fetch(`${emulatorUrl}/__admin/companies`);
    const { items } = (await response.json()) as { items: EmulatorCompany[] };
    const company = items[0];
    if (!company) throw new Error("The Dialpad emulator has no company to seed from.");
    if (await getOrganizationByDomain(db, company.domain)) {
      return readSavedLogins(database) ?? { admin: { email: "(your admin)", password: "(your password)" }, manager: null };
    }
    const logins = await seedDemo(db, {
      organizationName: company.name,
      domain: company.domain,
      dialpadUsers: company.users,
      password,
    });
    const saved: SavedLogins = { database, logins };
    fs.mkdirSync(path.dirname(loginsFile()), { recursive: true });
    fs.writeFileSync(loginsFile(), JSON.stringify(saved, null, 2), { mode: 0o600 });
    console.log(`Seeded the demo organization ${company.name} (${company.domain}) in ${database}.`);
    return logins;
  } finally {
    await closeDatabase(db);
  }
}

// Logins seeded into another database (say, the SQLite file before DATABASE_URL named a server) are not these.
function readSavedLogins(database: string): DemoLogins | null {
  if (!fs.existsSync(loginsFile())) return null;
  const saved = JSON.parse(fs.readFileSync(loginsFile(), "utf8")) as Partial<SavedLogins> & Partial<DemoLogins>;
  if (saved.logins) return saved.database === database ? saved.logins : null;
  // Written before logins named their database: only the default SQLite file existed then.
  return saved.admin && !database.startsWith("postgres") ? (saved as DemoLogins) : null;
}
