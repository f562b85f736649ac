"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import styles from "./mapping.module.css";

type BulkActionsProps = {
  suggestionCount: number;
  acceptAllAction: FormAction<{ message: string }>;
  refreshAction: FormAction<{ message: string }>;
};

/** "Accept all suggestions" and "Refresh Dialpad users", with the outcome of the last one pressed. */
export function MappingBulkActions({ suggestionCount, acceptAllAction, refreshAction }: BulkActionsProps) {
  const [acceptState, accept] = useActionState(acceptAllAction, null);
  const [refreshState, refresh] = useActionState(refreshAction, null);
  return (
    <div className={styles.bulk}>
      <div className="button-row">
        <form action={accept}>
          <SubmitButton pendingLabel="Accepting…" disabled={suggestionCount === 0}>{`Accept all suggestions (${suggestionCount})`}</SubmitButton>
        </form>
        <form action={refresh}>
          <SubmitButton variant="secondary" pendingLabel="Refreshing…">
            Refresh Dialpad users
          </SubmitButton>
        </form>
      </div>
      <FormStatus state={acceptState} success={acceptState?.ok ? acceptState.data.message : null} />
      <FormStatus state={refreshState} success={refreshState?.ok ? refreshState.data.message : null} />
    </div>
  );
}
