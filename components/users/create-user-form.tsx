"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type Created = { email: string; createdAt: number };

type CreateUserFormProps = {
  action: FormAction<Created>;
  domain: string;
};

export const roleOptions = [
  { value: "employee", label: "Employee" },
  { value: "manager", label: "Manager" },
  { value: "admin", label: "Admin" },
];

export function CreateUserForm({ action, domain }: CreateUserFormProps) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    // A new key after each success clears the fields for the next user.
    <form key={state?.ok ? state.data.createdAt : "new"} action={formAction} className="form" noValidate>
      <FormStatus state={state} success={state?.ok ? `User ${state.data.email} added.` : null} />
      <TextField name="name" label="Name" defaultValue={values.name} errors={errors.name} required />
      <TextField
        name="email"
        label="Email"
        type="email"
        hint={`Must end in @${domain}.`}
        defaultValue={values.email}
        errors={errors.email}
        required
      />
      <SelectField name="role" label="Role" options={roleOptions} defaultValue={values.role ?? "employee"} errors={errors.role} />
      <TextField
        name="password"
        label="First password"
        type="password"
        hint="At least 10 characters."
        autoComplete="new-password"
        errors={errors.password}
        required
      />
      <div className="button-row">
        <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
      </div>
    </form>
  );
}
