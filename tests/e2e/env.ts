// One place for the ports and environment the end-to-end servers share.
export const e2ePorts = { app: 3100, emulator: 4011 } as const;

const appUrl = `http://127.0.0.1:${e2ePorts.app}`;
export const emulatorUrl = `http://127.0.0.1:${e2ePorts.emulator}`;

export const e2eEnv: Record<string, string> = {
  NODE_ENV: "production",
  // scripts/e2e.ts sets it per pass: the SQLite file, or a PostgreSQL database on the test server.
  DATABASE_URL: process.env.DAYMARK_E2E_DATABASE_URL ?? ".e2e/app.db",
  APP_URL: appUrl,
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef",
  DIALPAD_BASE_URL: emulatorUrl,
  DIALPAD_CLIENT_ID: "daymark-e2e",
  DIALPAD_CLIENT_SECRET: "daymark-e2e-secret",
  TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  TOKEN_KEY_ACTIVE: "k1",
  CRON_SECRET: "e2e-cron-secret",
  // Open, so tests/e2e/tenancy.spec.ts can sign up a second organization; /setup still makes the first.
  DAYMARK_SIGNUP: "open",
  EMULATOR_PORT: String(e2ePorts.emulator),
  // The emulator's main company uses the first organization's domain (tests/e2e/support/accounts.ts);
  // the extra company exists to test a domain mismatch.
  EMULATOR_DOMAIN: "firstlight.test",
  EMULATOR_COMPANY_NAME: "First Light Co",
  EMULATOR_EXTRA_COMPANIES: "elsewhere.test:3",
  EMULATOR_USERS: "12",
  EMULATOR_DAYS: "10",
  EMULATOR_PASSWORD: "dialpad",
  EMULATOR_WEBHOOK_RETRY_DELAYS_MS: "200,400,800",
  EMULATOR_CLIENT_ID: "daymark-e2e",
  EMULATOR_CLIENT_SECRET: "daymark-e2e-secret",
  EMULATOR_REDIRECT_URIS: `${appUrl}/api/integrations/dialpad/callback`,
};
