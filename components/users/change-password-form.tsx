"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

export function ChangePasswordForm({ action }: { action: FormAction<never> }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="form" noValidate>
      <FormStatus state={state} />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={errors.currentPassword} required />
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
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
