"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import type { ActionState, FormAction } from "@/lib/action";
import type { CountryOption } from "@/lib/services/organizations/countries";
import type { TimeZoneOption } from "@/lib/time-zone-options";
import { setupAction } from "./actions";

// /signup reuses this form with its own action: the fields and their rules are the same.
type SetupFormProps = { timeZones: TimeZoneOption[]; countries: CountryOption[]; action?: FormAction<never>; submitLabel?: string };

export function SetupForm({ timeZones, countries, action = setupAction, submitLabel = "Create organization" }: SetupFormProps) {
  const [state, formAction] = useActionState<ActionState<never>, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="form" noValidate>
      <FormStatus state={state} />
      <fieldset>
        <legend>Organization</legend>
        <TextField
          name="organizationName"
          label="Organization name"
          defaultValue={values.organizationName}
          errors={errors.organizationName}
          autoComplete="organization"
          required
        />
        <TextField
          name="domain"
          label="Email domain"
          hint="For example example.com. Everyone's email must be at this domain."
          defaultValue={values.domain}
          errors={errors.domain}
          required
        />
        <TimeZoneField
          key={values.timezone ?? "UTC"}
          name="timezone"
          label="Default time zone"
          hint="Employees use it unless they have their own."
          options={timeZones}
          defaultValue={values.timezone ?? "UTC"}
          errors={errors.timezone}
        />
        <SelectField
          name="countryCode"
          label="Country for phone numbers"
          hint="Numbers without a +country code are read as this country's."
          options={countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          defaultValue={values.countryCode ?? "US"}
          errors={errors.countryCode}
          required
        />
      </fieldset>
      <fieldset>
        <legend>First administrator</legend>
        <TextField
          name="adminName"
          label="Your name"
          defaultValue={values.adminName}
          errors={errors.adminName}
          autoComplete="name"
          required
        />
        <TextField
          name="adminEmail"
          label="Your email"
          type="email"
          defaultValue={values.adminEmail}
          errors={errors.adminEmail}
          autoComplete="email"
          required
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          hint="At least 10 characters."
          errors={errors.password}
          autoComplete="new-password"
          required
        />
      </fieldset>
      <div className="button-row">
        <SubmitButton pendingLabel="Creating…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
