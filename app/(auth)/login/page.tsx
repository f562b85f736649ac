import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { safeCallbackPath } from "./safe-callback";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";
import { isSignUpOpen } from "@/lib/services/organizations/sign-up-organization";
import { getViewer } from "@/lib/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

// Shown after account changes that end every session (app/(app)/account, app/(auth)/reset-password).
const notices: Record<string, string> = {
  "password-changed": "Your password has changed and you were signed out everywhere. Sign in with the new password.",
  "password-reset": "Your new password is set. Sign in with it.",
  "signed-out-everywhere": "You were signed out everywhere.",
};

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  await connection();
  if (!(await isSetupComplete(getDb()))) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <>
      <h1>Sign in</h1>
      {params.setup === "1" || params.signup === "1" ? (
        <p className="alert alert--success" role="status">
          Your organization is ready. Sign in with the admin account you just created.
        </p>
      ) : null}
      {typeof params.notice === "string" && Object.hasOwn(notices, params.notice) ? (
        <p className="alert alert--success" role="status">
          {notices[params.notice]}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      {isSignUpOpen() ? (
        <p className="muted">
          New to Daymark? <Link href="/signup">Sign up your organization</Link>
        </p>
      ) : null}
    </>
  );
}
