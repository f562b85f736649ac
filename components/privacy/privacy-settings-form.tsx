"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";

type Saved = { savedAt: number };
type PrivacyValues = { callRetentionMonths: string; scoreRetentionMonths: string; maskNumbersFor: string; linkRecordings: boolean };

const maskOptions = [
  { value: "managers", label: "Managers and employees (admins see numbers whole)" },
  { value: "everyone", label: "Everyone, admins too" },
  { value: "nobody", label: "Nobody (everyone sees numbers whole)" },
];

export function PrivacySettingsForm({ action, initial }: { action: FormAction<Saved>; initial: PrivacyValues }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values: PrivacyValues =
    state && !state.ok ? { ...initial, ...state.values, linkRecordings: state.values.linkRecordings === "on" } : initial;
  return (
    <form key={state?.ok ? state.data.savedAt : "form"} action={formAction} className="form" noValidate>
      <FormStatus state={state} success="Privacy settings saved." />
      <TextField
        name="callRetentionMonths"
        label="Keep call legs for (months)"
        type="number"
        min={1}
        max={120}
        hint="Older calls are deleted every night; the day keeps its score."
        defaultValue={values.callRetentionMonths}
        errors={errors.callRetentionMonths}
      />
      <TextField
        name="scoreRetentionMonths"
        label="Keep daily scores for (months)"
        type="number"
        min={1}
        max={120}
        defaultValue={values.scoreRetentionMonths}
        errors={errors.scoreRetentionMonths}
      />
      <SelectField
        name="maskNumbersFor"
        label="Mask external numbers for"
        hint='A masked number reads "+1 ••• ••• 0142"; exports follow the same rule.'
        options={maskOptions}
        defaultValue={values.maskNumbersFor}
        errors={errors.maskNumbersFor}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="linkRecordings" defaultChecked={values.linkRecordings} aria-describedby="linkRecordings-hint" />{" "}
          Link to recordings in Dialpad
        </label>
        <span className="field__hint" id="linkRecordings-hint">
          Calls show a &quot;Listen in Dialpad&quot; link where Dialpad has a recording or voicemail. Daymark stores the link only,
          never audio; links are kept for calls synced after this is turned on.
        </span>
      </div>
      <div className="button-row">
        <SubmitButton pendingLabel="Saving…">Save privacy settings</SubmitButton>
      </div>
    </form>
  );
}
