import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (describedBy: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
};

/** A label, the control, a hint and inline errors, wired together for screen readers. */
export function Field({ name, label, errors, hint, children }: FieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": describedBy, ...(errorId ? { "aria-invalid": true } : {}) })}
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span className="field__error" id={errorId}>
          {errors?.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, "children"> & {
  type?: "text" | "email" | "password" | "tel" | "number";
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  min?: number;
  max?: number;
};

export function TextField({ type = "text", defaultValue, required, autoComplete, min, max, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(a11y) => (
        <input
          {...a11y}
          name={field.name}
          type={type}
          defaultValue={defaultValue}
          required={required}
          autoComplete={autoComplete}
          min={min}
          max={max}
        />
      )}
    </Field>
  );
}

export type SelectOption = { value: string; label: string };

type SelectFieldProps = Omit<FieldProps, "children"> & {
  options: SelectOption[];
  defaultValue?: string;
  required?: boolean;
};

export function SelectField({ options, defaultValue, required, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(a11y) => (
        // React applies a select's defaultValue only on mount, and resets forms after an action;
        // remounting on a new default keeps the submitted choice after a failed submit.
        <select {...a11y} key={defaultValue} name={field.name} defaultValue={defaultValue} required={required}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
