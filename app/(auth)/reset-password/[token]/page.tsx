import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { isPasswordResetUsable } from "@/lib/services/users/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };

type ResetPasswordPageProps = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: ResetPasswordPageProps) {
  await connection();
  const { token } = await params;
  const isUsable = token.length <= 100 && (await isPasswordResetUsable(getDb(), token));
  return (
    <>
      <h1>Set a new password</h1>
      {isUsable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p className="alert alert--error" role="alert">
            This reset link is invalid, used or expired. Ask an admin for a new one.
          </p>
          <p>
            <Link href="/login">Go to sign-in</Link>
          </p>
        </>
      )}
    </>
  );
}
