"use client";

import { useActionState, useState } from "react";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type Result = { isActive: boolean };

type EmployeeActiveToggleProps = {
  action: FormAction<Result>;
  employeeId: number;
  isActive: boolean;
};

/** Deactivate (after a confirmation) or reactivate; deactivated employees stay on record but leave team views. */
export function EmployeeActiveToggle({ action, employeeId, isActive }: EmployeeActiveToggleProps) {
  const [state, formAction] = useActionState(action, null);
  const [isConfirming, setIsConfirming] = useState(false);
  const fields = (
    <>
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
    </>
  );
  return (
    <form action={(formData) => {
      setIsConfirming(false);
      formAction(formData);
    }}>
      {fields}
      {isActive && isConfirming ? (
        <InlineConfirm message="Deactivate this employee? They leave team views and scoring; their history stays and you can reactivate them." onCancel={() => setIsConfirming(false)}>
          <SubmitButton variant="danger" small pendingLabel="Saving…">
            Yes, deactivate
          </SubmitButton>
        </InlineConfirm>
      ) : isActive ? (
        <button type="button" className="button button--danger" onClick={() => setIsConfirming(true)}>
          Deactivate
        </button>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Reactivate
        </SubmitButton>
      )}
      {state && !state.ok ? (
        <p className="field__error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
