"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type PanelProps = {
  employee: { id: number; name: string; isHidden: boolean };
  hideAction: FormAction<{ isHidden: boolean }>;
  eraseAction: FormAction<never>;
};

/** An admin's privacy controls for one employee: hide from scores, export everything, erase. */
export function EmployeePrivacyPanel({ employee, hideAction, eraseAction }: PanelProps) {
  return (
    <section className="card" aria-labelledby="employee-privacy-heading">
      <h2 id="employee-privacy-heading">Privacy</h2>
      <HideControl employee={employee} action={hideAction} />
      <h3>Subject requests</h3>
      <p>
        <a className="button button--secondary" href={`/api/privacy/employees/${employee.id}/export`} download>
          Export all data about {employee.name} (zip)
        </a>
      </p>
      <EraseControl employee={employee} action={eraseAction} />
    </section>
  );
}

function HideControl({ employee, action }: { employee: PanelProps["employee"]; action: PanelProps["hideAction"] }) {
  const [state, formAction] = useActionState(action, null);
  const [isConfirming, setConfirming] = useState(false);
  const isHidden = state?.ok ? state.data.isHidden : employee.isHidden;
  return (
    <div>
      <p>
        {isHidden
          ? `${employee.name} is hidden: managers don't see their scores or pages, exports leave them out, and their days don't count toward role baselines or team averages. Their calls still sync.`
          : `Hiding ${employee.name} removes their scores from every view, export, team average and role baseline. Their calls keep syncing, so showing them again loses nothing.`}
      </p>
      <FormStatus state={state} success={isHidden ? `${employee.name} is hidden.` : `${employee.name} is shown again.`} />
      {isHidden || isConfirming ? (
        <form action={formAction} onSubmit={() => setConfirming(false)} className="button-row">
          <input type="hidden" name="employeeId" value={employee.id} />
          <input type="hidden" name="isHidden" value={isHidden ? "false" : "true"} />
          <SubmitButton variant={isHidden ? "secondary" : "danger"} pendingLabel="Saving…">
            {isHidden ? `Show ${employee.name} again` : `Yes, hide ${employee.name}`}
          </SubmitButton>
          {isHidden ? null : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          )}
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Hide from scores…
        </button>
      )}
    </div>
  );
}

function EraseControl({ employee, action }: { employee: PanelProps["employee"]; action: PanelProps["eraseAction"] }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors.confirmName : undefined;
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="employeeId" value={employee.id} />
      <p>
        Erasing deletes {employee.name}&apos;s calls, daily scores, mapping and view log for good. Their Dialpad user stays unmapped,
        so the next sync does not bring the data back.
      </p>
      <FormStatus state={state} />
      <div className="field">
        <label htmlFor="confirm-erase">Type {employee.name} to confirm</label>
        <input
          id="confirm-erase"
          name="confirmName"
          autoComplete="off"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "confirm-erase-error" : undefined}
        />
        {errors ? (
          <span className="field__error" id="confirm-erase-error">
            {errors.join(" ")}
          </span>
        ) : null}
      </div>
      <div className="button-row">
        <SubmitButton variant="danger" pendingLabel="Erasing…">
          Erase {employee.name}
        </SubmitButton>
      </div>
    </form>
  );
}
