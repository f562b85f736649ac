"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { getSignInErrorMessage } from "@/lib/sign-in-errors";

type LoginState = { error: string | null; email: string };

// next-auth v4 signs in through its own CSRF-protected endpoint, so this form calls it from the client.
async function submitLogin(callbackUrl: string, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (email === "" || password === "") return { error: "Enter your email and password.", email };
  const result = await signIn("credentials", { email, password, redirect: false });
  if (!result?.ok || result.error) return { error: getSignInErrorMessage(result?.error), email };
  // A full navigation, so every server component renders with the new session cookie.
  window.location.assign(callbackUrl);
  return { error: null, email };
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(
    (_previous: LoginState, formData: FormData) => submitLogin(callbackUrl, formData),
    { error: null, email: "" },
  );
  return (
    <form action={formAction} className="form" noValidate>
      {state.error ? (
        <div className="alert alert--error" role="alert">
          {state.error}
        </div>
      ) : null}
      <TextField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.email} required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <div className="button-row">
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </div>
    </form>
  );
}
