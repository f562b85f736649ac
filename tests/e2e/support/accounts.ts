import path from "node:path";

/** The organization and admin that first-run.setup.ts creates through the UI. */
export const firstOrg = {
  name: "First Light Co",
  domain: "firstlight.test",
  timezone: "Europe/Berlin",
  country: "DE",
} as const;

export const firstAdmin = {
  name: "Ada Admin",
  email: "ada@firstlight.test",
  password: "ada-password-123",
} as const;

/** Signed-in browser state for the first admin; specs opt in with test.use({ storageState: adminStorageState }). */
export const adminStorageState = path.resolve(__dirname, "../../../.e2e/admin-state.json");
