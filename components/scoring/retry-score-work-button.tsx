"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type RetryScoreWorkButtonProps = { action: FormAction<{ requeued: number }>; id: number | "all"; label: string; small?: boolean };

export function RetryScoreWorkButton({ action, id, label, small }: RetryScoreWorkButtonProps) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={String(id)} />
      <SubmitButton variant="secondary" pendingLabel="Queuing…" small={small}>
        {label}
      </SubmitButton>
      {state && !state.ok ? (
        <p className="field__error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
