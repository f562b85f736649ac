"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action";
import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import styles from "./mapping.module.css";

type Dispatch = (formData: FormData) => void;

type MappingControlProps = {
  row: MappingEmployeeRow;
  users: DialpadUserSummary[];
  formAction: Dispatch;
  state: ActionState<unknown>;
};

/** One-click fixes for the row (accept, pick a candidate, clear) and a chooser for any Dialpad user. */
export function MappingControl({ row, users, formAction, state }: MappingControlProps) {
  // Open while no newer result has arrived, or after a failed one: a saved choice closes it.
  const [openedAt, setOpenedAt] = useState<ActionState<unknown> | undefined>(undefined);
  const isOpen = openedAt !== undefined && (state === openedAt || state?.ok === false);

  if (isOpen) {
    const selectId = `choose-${row.employeeId}`;
    return (
      <form action={formAction} className={styles.chooser}>
        <input type="hidden" name="employeeId" value={row.employeeId} />
        <label htmlFor={selectId}>Dialpad user for {row.name}</label>
        <select id={selectId} name="choice" defaultValue={row.dialpadUser ? `user:${row.dialpadUser.dialpadUserId}` : "auto"}>
          <option value="auto">Automatic (match by email or phone)</option>
          <option value="none">Not mapped (keep it that way)</option>
          {row.candidates.length > 0 ? (
            <optgroup label="Matches">
              {row.candidates.map((user) => (
                <option key={user.dialpadUserId} value={`user:${user.dialpadUserId}`}>
                  {optionLabel(user)}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label="All Dialpad users with a phone license">
            {users.map((user) => (
              <option key={user.dialpadUserId} value={`user:${user.dialpadUserId}`}>
                {optionLabel(user)}
              </option>
            ))}
          </optgroup>
        </select>
        <div className="button-row">
          <SubmitButton small pendingLabel="Saving…">
            Save
          </SubmitButton>
          <button type="button" className="button button--secondary button--small" onClick={() => setOpenedAt(undefined)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className={styles.controls}>
      {row.suggestion ? (
        <QuickChoice formAction={formAction} row={row} choice={`user:${row.suggestion.user.dialpadUserId}`} label={`Accept ${row.suggestion.user.name}`} />
      ) : null}
      {row.candidates.slice(0, 3).map((user) => (
        <QuickChoice key={user.dialpadUserId} formAction={formAction} row={row} choice={`user:${user.dialpadUserId}`} label={`Map to ${user.name}`} />
      ))}
      {row.dialpadUser ? <QuickChoice formAction={formAction} row={row} choice="none" label="Clear" variant="secondary" /> : null}
      {row.isManual ? <QuickChoice formAction={formAction} row={row} choice="auto" label="Use automatic" variant="secondary" /> : null}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={`Choose a Dialpad user for ${row.name}`}
        onClick={() => setOpenedAt(state)}
      >
        Choose…
      </button>
    </div>
  );
}

type QuickChoiceProps = {
  formAction: Dispatch;
  row: MappingEmployeeRow;
  choice: string;
  label: string;
  variant?: "primary" | "secondary";
};

function QuickChoice({ formAction, row, choice, label, variant = "primary" }: QuickChoiceProps) {
  return (
    <form action={formAction}>
      <input type="hidden" name="employeeId" value={row.employeeId} />
      <input type="hidden" name="choice" value={choice} />
      <SubmitButton small variant={variant} pendingLabel="Saving…">
        {label}
      </SubmitButton>
    </form>
  );
}

function optionLabel(user: DialpadUserSummary): string {
  const contact = [user.emails[0], user.phoneNumbers[0]].filter(Boolean).join(" · ");
  const mapped = user.mappedEmployeeName ? ` (now: ${user.mappedEmployeeName})` : "";
  return `${user.name}${contact ? ` — ${contact}` : ""}${mapped}`;
}
