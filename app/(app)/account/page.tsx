import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { SignOutEverywhereForm } from "@/components/users/sign-out-everywhere-form";
import { requireViewer } from "@/lib/session";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        {viewer.name} · {viewer.email}
      </p>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <p className="muted">Changing it signs you out everywhere, this browser included.</p>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p className="muted">Signed in on a computer you no longer use? End every session of your account, this one included.</p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
    </>
  );
}
