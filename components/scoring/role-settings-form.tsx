"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import type { RoleSettingsView } from "@/lib/services/scores/score-settings";

type Saved = { savedAt: number };
type RoleSettingsFormProps = { role: RoleSettingsView; saveAction: FormAction<Saved>; resetAction: FormAction<Saved> };

export function RoleSettingsForm({ role, saveAction, resetAction }: RoleSettingsFormProps) {
  const [state, formAction] = useActionState(saveAction, null);
  const [resetState, resetFormAction] = useActionState(resetAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const initial = {
    talkTimeWeight: String(role.weights.talkTime),
    connectedCallsWeight: String(role.weights.connectedCalls),
    talkTimeTargetMinutes: String(Math.round(role.targets.talkTime / 60_000)),
    connectedCallsTarget: String(role.targets.connectedCalls),
  };
  const values = state && !state.ok ? { ...initial, ...state.values } : initial;
  const weightHint = "0 leaves the signal out; 5 counts it most.";
  return (
    <>
      {/* Remount after each save so the fields show what the server stored. */}
      <form key={state?.ok ? state.data.savedAt : "form"} action={formAction} className="form" noValidate>
        <FormStatus state={state} success="Saved. The role's days are being rescored." />
        <input type="hidden" name="role" value={role.role} />
        <TextField name="talkTimeWeight" label="Talk time weight (0–5)" type="number" min={0} max={5} hint={weightHint}
          defaultValue={values.talkTimeWeight} errors={errors.talkTimeWeight} />
        <TextField name="connectedCallsWeight" label="Connected calls weight (0–5)" type="number" min={0} max={5} hint={weightHint}
          defaultValue={values.connectedCallsWeight} errors={errors.connectedCallsWeight} />
        <TextField name="talkTimeTargetMinutes" label="Default talk time target (minutes a day)" type="number" min={1} max={1440}
          defaultValue={values.talkTimeTargetMinutes} errors={errors.talkTimeTargetMinutes} />
        <TextField name="connectedCallsTarget" label="Default connected calls target (calls a day)" type="number" min={1} max={1000}
          defaultValue={values.connectedCallsTarget} errors={errors.connectedCallsTarget} />
        <div className="button-row">
          <SubmitButton pendingLabel="Saving…">Save and rescore</SubmitButton>
        </div>
      </form>
      {role.source === "role" && role.role !== "" ? (
        <form action={resetFormAction} className="form">
          <FormStatus state={resetState} success="This role now uses the default role's settings." />
          <input type="hidden" name="role" value={role.role} />
          <div className="button-row">
            <SubmitButton variant="secondary" pendingLabel="Resetting…">Use the default role&apos;s settings</SubmitButton>
          </div>
        </form>
      ) : null}
    </>
  );
}
