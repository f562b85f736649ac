"use client";

import { useState } from "react";
import { matchesTimeZoneQuery, type TimeZoneOption } from "@/lib/time-zone-options";
import { Field, type SelectOption } from "./field";

type TimeZoneFieldProps = {
  name: string;
  label: string;
  /** From listTimeZoneOptionsNow on the server, so server and browser render the same options. */
  options: TimeZoneOption[];
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  /** Options above the zones, such as "Organization default". */
  extraOptions?: SelectOption[];
};

/** A time-zone select with UTC offsets, narrowed by a search box; the chosen zone always stays listed. */
export function TimeZoneField({ name, label, options, defaultValue = "", errors, hint, extraOptions = [] }: TimeZoneFieldProps) {
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const shown = options.filter((option) => option.value === value || matchesTimeZoneQuery(option, query));
  const searchId = `field-${name}-search`;
  const matchCount = options.filter((option) => matchesTimeZoneQuery(option, query)).length;
  return (
    <div className="time-zone-field">
      <div className="field">
        <label htmlFor={searchId}>Search zones</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder="City, region or offset (−05)"
          aria-describedby={`${searchId}-count`}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="field__hint" id={`${searchId}-count`} aria-live="polite">
          {query ? `${matchCount} ${matchCount === 1 ? "zone matches" : "zones match"}` : `${options.length} zones`}
        </span>
      </div>
      <Field name={name} label={label} errors={errors} hint={hint}>
        {(a11y) => (
          // Uncontrolled: React resets a form after its action, and a controlled select would then show the
          // first option while its state kept the old value. `value` only keeps the choice listed while searching.
          <select {...a11y} name={name} defaultValue={defaultValue} onChange={(event) => setValue(event.target.value)}>
            {extraOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {shown.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
