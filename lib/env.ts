import { z } from "@/lib/zod";

// Read lazily so `next build` never needs run-time secrets, and tests can set process.env first.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("./data/daymark.db"),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  DIALPAD_BASE_URL: z.url().default("https://dialpad.com"),
  DIALPAD_CLIENT_ID: z.string().default(""),
  DIALPAD_CLIENT_SECRET: z.string().default(""),
  // "kid:base64key,kid2:base64key2"; the active kid encrypts, every listed kid decrypts.
  TOKEN_KEYS: z.string().default(""),
  TOKEN_KEY_ACTIVE: z.string().default(""),
  CRON_SECRET: z.string().default(""),
  DAYMARK_DISABLE_SCHEDULER: z.enum(["0", "1"]).default("0"),
  // Set by Vercel itself ("1"): its functions freeze after a response, so they only queue jobs (lib/jobs).
  VERCEL: z.string().optional(),
  // "open" lets anyone register a new organization at /signup; "closed" keeps one organization made by /setup.
  DAYMARK_SIGNUP: z.enum(["closed", "open"]).default("closed"),
  // How many reverse proxies in front of the app append to x-forwarded-for (lib/client-address.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // A port for Dialpad's webhooks outside Next's request pipeline (app/api/webhooks/dialpad/listener.ts); unset: none.
  DAYMARK_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
