import type { EmulatorConfig } from "../config";
import { DAY_MS } from "./call-day";
import { CallStore } from "./call-store";
import { buildCompany } from "./company";
import type { Company, User } from "./types";

export type DataConfig = Pick<
  EmulatorConfig,
  "seed" | "domain" | "companyName" | "users" | "days" | "callsPerUserDay" | "anchor" | "extraCompanies" | "mode"
>;

export interface Dataset {
  companies: Company[];
  calls: CallStore;
  windowStart: number;
  windowEnd: number;
}

// Call ids embed the company index as one digit.
export const MAX_COMPANIES = 10;

function nameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} Ltd`;
}

export function buildDataset(config: DataConfig): Dataset {
  const specs = [
    { domain: config.domain, name: config.companyName, users: config.users },
    ...config.extraCompanies.map((c) => ({ domain: c.domain, name: nameFromDomain(c.domain), users: c.users })),
  ];
  if (specs.length > MAX_COMPANIES) throw new Error(`at most ${MAX_COMPANIES - 1} extra companies are supported`);
  const domains = new Set(specs.map((s) => s.domain));
  if (domains.size !== specs.length) throw new Error("company domains must be distinct");
  const strict = config.mode === "strict";
  const companies = specs.map((s, index) =>
    buildCompany({ ...s, index, seed: config.seed, anchor: config.anchor, historyDays: config.days, strict }),
  );
  const windowEnd = config.anchor;
  const windowStart = config.anchor - config.days * DAY_MS;
  const calls = new CallStore({ seed: config.seed, callsPerUserDay: config.callsPerUserDay, windowStart, windowEnd, strict });
  return { companies, calls, windowStart, windowEnd };
}

export function findUserByEmail(data: Dataset, email: string): { company: Company; user: User } | undefined {
  const normalized = email.trim().toLowerCase();
  for (const company of data.companies) {
    const user = company.usersByEmail.get(normalized);
    if (user) return { company, user };
  }
  return undefined;
}

export function findCompanyByDomain(data: Dataset, domain: string): Company | undefined {
  return data.companies.find((c) => c.domain === domain.toLowerCase());
}

/** A user by email or id, within one company or across all. */
export function findUser(data: Dataset, ref: string, company?: Company): { company: Company; user: User } | undefined {
  const pool = company ? [company] : data.companies;
  for (const c of pool) {
    const user = c.usersById.get(ref) ?? c.usersByEmail.get(ref.trim().toLowerCase());
    if (user) return { company: c, user };
  }
  return undefined;
}
