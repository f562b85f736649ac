"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type Result = { isActive: boolean };

type EmployeeActiveToggleProps = {
  action: FormAction<Result>;
  employeeId: number;
  isActive: boolean;
};

/** Deactivate or reactivate; deactivated employees stay on record but leave team views. */
export function EmployeeActiveToggle({ action, employeeId, isActive }: EmployeeActiveToggleProps) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <SubmitButton variant={isActive ? "danger" : "secondary"} pendingLabel="Saving…">
        {isActive ? "Deactivate" : "Reactivate"}
      </SubmitButton>
      {state && !state.ok ? (
        <p className="field__error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
