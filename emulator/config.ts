import { z } from "zod";

export interface ExtraCompany {
  domain: string;
  users: number;
}

export const emulatorModes = ["default", "strict"] as const;
/** "strict" takes the other reading of every UNCONFIRMED point the strict list in README.md names. */
export type EmulatorMode = (typeof emulatorModes)[number];

export interface EmulatorConfig {
  mode: EmulatorMode;
  host: string;
  port: number;
  seed: number;
  domain: string;
  companyName: string;
  users: number;
  days: number;
  callsPerUserDay: number;
  /** Epoch ms: generated history ends at this instant. */
  anchor: number;
  extraCompanies: ExtraCompany[];
  password: string;
  clientId: string;
  clientSecret: string;
  clientName: string;
  redirectUris: string[];
  /** Requests per second per company; 0 turns every rate limit off. */
  rateLimit: number;
  tokenTtlSeconds: number;
  webhookRetryDelaysMs: number[];
  /** Strict mode: a /call cursor stops working this long after it was issued. */
  cursorTtlSeconds: number;
  /** Strict mode: requests/second other integrations of each company spend from the shared limit. */
  backgroundRps: number;
  /** Strict mode: how long after hangup a live leg's partial `postcall` event fires. */
  postCallDelaySeconds: number;
}

const domainPattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const extraCompaniesSchema = z.string().transform((raw, ctx): ExtraCompany[] => {
  const items = raw.split(",").map((part) => part.trim()).filter(Boolean);
  const out: ExtraCompany[] = [];
  for (const item of items) {
    const [domain = "", count = "3"] = item.split(":");
    const users = Number(count);
    if (!domainPattern.test(domain) || !Number.isInteger(users) || users < 1 || users > 100_000) {
      ctx.addIssue({ code: "custom", message: `invalid extra company "${item}" (expected domain:users)` });
      return z.NEVER;
    }
    out.push({ domain, users });
  }
  return out;
});

const listSchema = z.string().transform((raw) => raw.split(",").map((s) => s.trim()).filter(Boolean));

const delaysSchema = z.string().transform((raw, ctx) => {
  const delays = raw.split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  if (delays.some((d) => !Number.isInteger(d) || d < 0)) {
    ctx.addIssue({ code: "custom", message: "delays must be non-negative integers (ms)" });
    return z.NEVER;
  }
  return delays;
});

const anchorSchema = z.string().transform((raw, ctx) => {
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "EMULATOR_ANCHOR must be an ISO date or epoch ms" });
    return z.NEVER;
  }
  return ms;
});

const envSchema = z.object({
  EMULATOR_MODE: z.enum(emulatorModes).default("default"),
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_PORT: intFrom(0, 65535).default(4010),
  EMULATOR_SEED: intFrom(0, 2 ** 31 - 1).default(42),
  EMULATOR_DOMAIN: z.string().regex(domainPattern).default("acme.test"),
  EMULATOR_COMPANY_NAME: z.string().min(1).default("Acme Inc"),
  EMULATOR_USERS: intFrom(1, 100_000).default(12),
  EMULATOR_DAYS: intFrom(0, 3650).default(30),
  EMULATOR_CALLS_PER_USER_DAY: z.coerce.number().min(0).max(10_000).default(8),
  EMULATOR_ANCHOR: anchorSchema.optional(),
  EMULATOR_EXTRA_COMPANIES: extraCompaniesSchema.default([]),
  EMULATOR_PASSWORD: z.string().min(1).default("dialpad"),
  EMULATOR_CLIENT_ID: z.string().min(1).default("daymark-dev"),
  EMULATOR_CLIENT_SECRET: z.string().min(1).default("daymark-dev-secret"),
  EMULATOR_CLIENT_NAME: z.string().min(1).default("Daymark"),
  EMULATOR_REDIRECT_URIS: listSchema.default(["http://localhost:3000/api/integrations/dialpad/callback"]),
  EMULATOR_RATE_LIMIT: z.coerce.number().min(0).default(20),
  EMULATOR_TOKEN_TTL_SECONDS: intFrom(1, 10 * 365 * 86400).default(3600),
  EMULATOR_WEBHOOK_RETRY_DELAYS_MS: delaysSchema.default([2000, 4000, 8000]),
  EMULATOR_CURSOR_TTL_SECONDS: intFrom(1, 86_400).default(300),
  EMULATOR_BACKGROUND_RPS: z.coerce.number().min(0).max(1_000).default(4),
  EMULATOR_POSTCALL_DELAY_SECONDS: intFrom(0, 86_400).default(180),
});

/** Reads EMULATOR_* variables; empty strings count as unset. Throws a readable error on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): EmulatorConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("EMULATOR_") && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid emulator configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    mode: e.EMULATOR_MODE,
    host: e.EMULATOR_HOST,
    port: e.EMULATOR_PORT,
    seed: e.EMULATOR_SEED,
    domain: e.EMULATOR_DOMAIN,
    companyName: e.EMULATOR_COMPANY_NAME,
    users: e.EMULATOR_USERS,
    days: e.EMULATOR_DAYS,
    callsPerUserDay: e.EMULATOR_CALLS_PER_USER_DAY,
    anchor: e.EMULATOR_ANCHOR ?? Date.now(),
    extraCompanies: e.EMULATOR_EXTRA_COMPANIES,
    password: e.EMULATOR_PASSWORD,
    clientId: e.EMULATOR_CLIENT_ID,
    clientSecret: e.EMULATOR_CLIENT_SECRET,
    clientName: e.EMULATOR_CLIENT_NAME,
    redirectUris: e.EMULATOR_REDIRECT_URIS,
    rateLimit: e.EMULATOR_RATE_LIMIT,
    tokenTtlSeconds: e.EMULATOR_TOKEN_TTL_SECONDS,
    webhookRetryDelaysMs: e.EMULATOR_WEBHOOK_RETRY_DELAYS_MS,
    cursorTtlSeconds: e.EMULATOR_CURSOR_TTL_SECONDS,
    backgroundRps: e.EMULATOR_BACKGROUND_RPS,
    postCallDelaySeconds: e.EMULATOR_POSTCALL_DELAY_SECONDS,
  };
}

/** Defaults (as if no EMULATOR_* variable were set) overridden by `partial`. */
export function resolveConfig(partial: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return { ...loadConfig({}), ...partial };
}

export const dataOverridesSchema = z
  .object({
    seed: intFrom(0, 2 ** 31 - 1),
    domain: z.string().regex(domainPattern),
    companyName: z.string().min(1),
    users: intFrom(1, 100_000),
    days: intFrom(0, 3650),
    callsPerUserDay: z.number().min(0).max(10_000),
    anchor: z.union([z.number().int(), z.string().pipe(anchorSchema)]),
    extraCompanies: z.array(z.object({ domain: z.string().regex(domainPattern), users: intFrom(1, 100_000) })),
    password: z.string().min(1),
    rateLimit: z.number().min(0),
    mode: z.enum(emulatorModes),
    cursorTtlSeconds: intFrom(1, 86_400),
    backgroundRps: z.number().min(0).max(1_000),
    postCallDelaySeconds: intFrom(0, 86_400),
  })
  .partial()
  .strict();
