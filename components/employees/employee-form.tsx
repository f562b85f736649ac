"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SelectField, TextField, type SelectOption } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import type { FormAction } from "@/lib/action";
import type { TimeZoneOption } from "@/lib/time-zone-options";

export type EmployeeFormValues = {
  name: string;
  email: string;
  phone: string;
  timezone: string;
  title: string;
  managerId: string;
};

type EmployeeFormProps = {
  // Both actions redirect on success, so they never return data.
  action: FormAction<never>;
  employeeId?: number;
  initial: EmployeeFormValues;
  managers: SelectOption[];
  timeZones: TimeZoneOption[];
  organizationTimeZone: string;
  submitLabel: string;
  cancelHref: string;
};

export function EmployeeForm(props: EmployeeFormProps) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // After a failed submit, show what was typed rather than the stored values.
  const values = state && !state.ok ? { ...props.initial, ...state.values } : props.initial;
  return (
    <form action={formAction} className="form" noValidate>
      <FormStatus state={state} />
      {props.employeeId ? <input type="hidden" name="employeeId" value={props.employeeId} /> : null}
      <TextField name="name" label="Name" defaultValue={values.name} errors={errors.name} required />
      <TextField name="email" label="Email" type="email" defaultValue={values.email} errors={errors.email} required />
      <TextField
        name="phone"
        label="Phone (optional)"
        type="tel"
        hint="With +country code, or in your organization's country format."
        defaultValue={values.phone}
        errors={errors.phone}
      />
      <TimeZoneField
        key={values.timezone}
        name="timezone"
        label="Time zone"
        options={props.timeZones}
        extraOptions={[{ value: "", label: `Organization default (${props.organizationTimeZone})` }]}
        defaultValue={values.timezone}
        errors={errors.timezone}
      />
      <TextField name="title" label="Title (optional)" defaultValue={values.title} errors={errors.title} />
      <SelectField
        name="managerId"
        label="Manager"
        options={[{ value: "", label: "No manager" }, ...props.managers]}
        defaultValue={values.managerId}
        errors={errors.managerId}
      />
      <div className="button-row">
        <SubmitButton pendingLabel="Saving…">{props.submitLabel}</SubmitButton>
        <Link className="button button--secondary" href={props.cancelHref}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
