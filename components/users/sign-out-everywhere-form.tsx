"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

export function SignOutEverywhereForm({ action }: { action: FormAction<never> }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="form">
      <FormStatus state={state} />
      <div className="button-row">
        <SubmitButton variant="danger" pendingLabel="Signing out…">
          Sign out everywhere
        </SubmitButton>
      </div>
    </form>
  );
}
