import { expect, type APIRequestContext } from "@playwright/test";

/** Signs an API request context in through next-auth's credentials endpoint, as the login form does. */
export async function signInByApi(api: APIRequestContext, account: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, ...account, json: "true" } });
  expect(response.ok(), `sign-in of ${account.email}`).toBe(true);
  expect(await hasSession(api), `session of ${account.email}`).toBe(true);
}

export async function hasSession(api: APIRequestContext): Promise<boolean> {
  const session = (await (await api.get("/api/auth/session")).json()) as { userId?: number };
  return typeof session.userId === "number";
}
