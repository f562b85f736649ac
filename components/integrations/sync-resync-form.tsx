"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

/** Reads a range of days again from Dialpad (days in the organization's time zone). */
export function SyncResyncForm({ action, today }: { action: FormAction<{ message: string }>; today: string }) {
  const [state, formAction] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="form" noValidate>
      <p className="muted">Fetches every call in these days again and updates what changed. Older days can be fetched this way too.</p>
      {(["from", "to"] as const).map((name) => (
        <Field key={name} name={`resync-${name}`} label={name === "from" ? "From" : "To"} errors={fieldErrors[name]}>
          {(a11y) => <input {...a11y} name={name} type="date" max={today} defaultValue={values[name] ?? ""} required />}
        </Field>
      ))}
      <FormStatus state={state} success={state?.ok ? state.data.message : null} />
      <SubmitButton variant="secondary" pendingLabel="Starting…">
        Re-sync these days
      </SubmitButton>
    </form>
  );
}
