import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedDemo, type DemoDialpadUser, type DemoLogins } from "@/db/seed";
import { getEnv } from "@/lib/env";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";

const loginsFile = path.resolve("data/demo-logins.json");

interface EmulatorCompany {
  name: string;
  domain: string;
  users: DemoDialpadUser[];
}

/** Seeds the demo organization from the emulator's main company on first run; later runs reuse it. */
export async function seedDemoIfEmpty(emulatorUrl: string, password: string): Promise<DemoLogins> {
  const db = openDatabase(getEnv().DATABASE_URL);
  try {
    if (await isSetupComplete(db)) {
      if (fs.existsSync(loginsFile)) return JSON.parse(fs.readFileSync(loginsFile, "utf8")) as DemoLogins;
      return { admin: { email: "(your admin)", password: "(your password)" }, manager: null };
    }
    const response = await fetch(`${emulatorUrl}/__admin/companies`);
    const { items } = (await response.json()) as { items: EmulatorCompany[] };
    const company = items[0];
    if (!company) throw new Error("The Dialpad emulator has no company to seed from.");
    const logins = await seedDemo(db, {
      organizationName: company.name,
      domain: company.domain,
      dialpadUsers: company.users,
      password,
    });
    fs.writeFileSync(loginsFile, JSON.stringify(logins, null, 2), { mode: 0o600 });
    console.log(`Seeded the demo organization ${company.name} (${company.domain}).`);
    return logins;
  } finally {
    db.$client.close();
  }
}
