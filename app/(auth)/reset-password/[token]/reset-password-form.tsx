"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<ActionState<never>, FormData>(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="form" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        hint="At least 10 characters."
        autoComplete="new-password"
        errors={errors.newPassword}
        required
      />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" errors={errors.confirmPassword} required />
      <div className="button-row">
        <SubmitButton pendingLabel="Saving…">Set password</SubmitButton>
      </div>
    </form>
  );
}
