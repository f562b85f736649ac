"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import type { SyncSettings } from "@/db/queries/sync";

/** The organization's sync settings: backfill length, schedule and trailing window. */
export function SyncSettingsForm({ action, settings }: { action: FormAction<SyncSettings>; settings: SyncSettings }) {
  const [state, formAction] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  const current = state?.ok ? state.data : settings;
  const value = (name: keyof SyncSettings) => (state && !state.ok ? state.values[name] : String(current[name]));
  return (
    <form action={formAction} className="form" noValidate>
      <TextField
        name="backfillDays"
        label="Backfill (days)"
        type="number"
        min={1}
        max={365}
        defaultValue={value("backfillDays")}
        errors={fieldErrors.backfillDays}
        hint="How far back Daymark keeps calls synced. Raising it fetches the older days on their own, right away."
      />
      <TextField
        name="intervalMinutes"
        label="Sync every (minutes)"
        type="number"
        min={1}
        max={1440}
        defaultValue={value("intervalMinutes")}
        errors={fieldErrors.intervalMinutes}
      />
      <TextField
        name="trailingWindowHours"
        label="Re-read the last (hours)"
        type="number"
        min={1}
        max={720}
        defaultValue={value("trailingWindowHours")}
        errors={fieldErrors.trailingWindowHours}
        hint="Each scheduled sync reads this many hours again, to catch calls Dialpad finished or changed late."
      />
      <FormStatus state={state} success="Sync settings saved. A longer backfill fetches the older days now; the rest applies from the next sync." />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save sync settings
      </SubmitButton>
    </form>
  );
}
