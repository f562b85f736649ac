import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { safeCallbackPath } from "./safe-callback";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";
import { getViewer } from "@/lib/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

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
      {params.setup === "1" ? (
        <p className="alert alert--success" role="status">
          Your organization is ready. Sign in with the admin account you just created.
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
    </>
  );
}
