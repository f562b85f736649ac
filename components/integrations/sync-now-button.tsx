"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

/** Starts a sync at once: continues an unfinished backfill, else reads what changed since the last one. */
export function SyncNowButton({ action }: { action: FormAction<{ message: string }> }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="stack">
      <div className="button-row">
        <SubmitButton variant="secondary" pendingLabel="Starting…">
          Sync now
        </SubmitButton>
      </div>
      <FormStatus state={state} success={state?.ok ? state.data.message : null} />
    </form>
  );
}
