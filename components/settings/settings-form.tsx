"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import type { FormAction } from "@/lib/action";
import type { CountryOption } from "@/lib/services/organizations/countries";
import type { TimeZoneOption } from "@/lib/time-zone-options";

type Saved = { savedAt: number };
type SettingsValues = { name: string; timezone: string; countryCode: string; dayStartHour: string; workWeek: string[] };

type SettingsFormProps = {
  action: FormAction<Saved>;
  initial: SettingsValues;
  timeZones: TimeZoneOption[];
  countries: CountryOption[];
};

const weekdays = [
  ["1", "Monday"],
  ["2", "Tuesday"],
  ["3", "Wednesday"],
  ["4", "Thursday"],
  ["5", "Friday"],
  ["6", "Saturday"],
  ["7", "Sunday"],
] as const;

export function SettingsForm({ action, initial, timeZones, countries }: SettingsFormProps) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values: SettingsValues =
    state && !state.ok
      ? { ...initial, ...state.values, workWeek: state.values.workWeek?.split(",") ?? [] }
      : initial;
  return (
    // Remount after each save so the fields show what the server stored.
    <form key={state?.ok ? state.data.savedAt : "form"} action={formAction} className="form" noValidate>
      <FormStatus state={state} success="Settings saved." />
      <TextField name="name" label="Organization name" defaultValue={values.name} errors={errors.name} required />
      <TimeZoneField key={values.timezone} name="timezone" label="Default time zone" options={timeZones} defaultValue={values.timezone} errors={errors.timezone} />
      <TextField
        name="dayStartHour"
        label="Day starts at (hour, 0–23)"
        type="number"
        min={0}
        max={23}
        hint="Activity before this hour counts toward the previous day; 0 means midnight."
        defaultValue={values.dayStartHour}
        errors={errors.dayStartHour}
      />
      <fieldset aria-describedby={errors.workWeek ? "workWeek-error" : undefined}>
        <legend>Work week</legend>
        <div className="checkbox-row">
          {weekdays.map(([value, label]) => (
            <label key={value}>
              <input type="checkbox" name="workWeek" value={value} defaultChecked={values.workWeek.includes(value)} />
              {label}
            </label>
          ))}
        </div>
        {errors.workWeek ? (
          <span className="field__error" id="workWeek-error">
            {errors.workWeek.join(" ")}
          </span>
        ) : null}
      </fieldset>
      <SelectField
        name="countryCode"
        label="Country for phone numbers"
        options={countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        defaultValue={values.countryCode}
        errors={errors.countryCode}
      />
      <div className="button-row">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
