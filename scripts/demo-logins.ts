import type { DemoLogins } from "@/db/seed";

type Login = { email: string; password: string } | null | undefined;

/** The demo's closing lines: where things run, then the three logins as the very last lines. */
export function describeLogins(input: { logins: DemoLogins; database: string; appUrl: string; emulatorUrl: string; emulatorStateFile: string }): string {
  const { logins } = input;
  const login = (who: Login) => (who ? `${who.email} / ${who.password}` : "(none)");
  return `
  Daymark is running on ${input.appUrl} (database: ${input.database})
  Dialpad emulator on ${input.emulatorUrl}: connect it in Settings → Products → Phone System → Dialpad →
    Authenticate with Dialpad, then sign in on the Dialpad page as ${logins.admin.email} with password "dialpad".
    The connection is kept across restarts (${input.emulatorStateFile}).
  Press Ctrl+C to stop.

  Sign in (admin):    ${login(logins.admin)}
  Sign in (manager):  ${login(logins.manager)}
  Sign in (employee): ${login(logins.employee)}
`;
}
