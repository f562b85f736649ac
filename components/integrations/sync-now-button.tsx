"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import { describeRunOutcome, type RunOutcome } from "./sync-outcome";

/** Starts a sync at once, then follows the run it started until it finishes ("Sync finished · 12 new calls"). */
export function SyncNowButton({ action, runs }: { action: FormAction<{ message: string; runId: number }>; runs: RunOutcome[] }) {
  const [state, formAction] = useActionState(action, null);
  const outcome = state?.ok ? describeRunOutcome(state.data, runs) : null;
  const failed = state?.ok && runs.find((run) => run.id === state.data.runId)?.status === "failed";
  return (
    <form action={formAction} className="stack">
      <div className="button-row">
        <SubmitButton variant="secondary" pendingLabel="Starting…">
          Sync now
        </SubmitButton>
      </div>
      {failed ? (
        <p className="muted" role="status">
          {outcome}
        </p>
      ) : (
        <FormStatus state={state} success={outcome} />
      )}
    </form>
  );
}
