"use client";

import { useState } from "react";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatPhoneNumber } from "@/lib/format-phone";
import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import { describeRisk } from "./mapping-risk";
import styles from "./mapping.module.css";

type MappingChooserProps = {
  row: MappingEmployeeRow;
  users: DialpadUserSummary[];
  formAction: (formData: FormData) => void;
  onCancel: () => void;
};

/** Any Dialpad user, automatic, or none; choosing a user someone else holds asks before Save moves it. */
export function MappingChooser({ row, users, formAction, onCancel }: MappingChooserProps) {
  const initial = row.dialpadUser ? `user:${row.dialpadUser.dialpadUserId}` : "auto";
  const [choice, setChoice] = useState(initial);
  const [isConfirming, setIsConfirming] = useState(false);
  const chosen = choice.startsWith("user:") ? [...row.candidates, ...users].find((u) => `user:${u.dialpadUserId}` === choice) : undefined;
  const risk = chosen ? describeRisk(row, { kind: "take", user: chosen }) : null;
  const selectId = `choose-${row.employeeId}`;
  return (
    <form
      action={formAction}
      className={styles.chooser}
      onSubmit={(event) => {
        if (risk && !isConfirming) {
          event.preventDefault();
          setIsConfirming(true);
        }
      }}
    >
      <input type="hidden" name="employeeId" value={row.employeeId} />
      <label htmlFor={selectId}>Dialpad user for {row.name}</label>
      <select
        id={selectId}
        name="choice"
        value={choice}
        autoFocus
        onChange={(event) => {
          setChoice(event.target.value);
          setIsConfirming(false);
        }}
      >
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
      {isConfirming && risk ? (
        <InlineConfirm message={risk.message} onCancel={() => setIsConfirming(false)}>
          <SubmitButton small variant="danger" pendingLabel="Saving…">
            {risk.confirmLabel}
          </SubmitButton>
        </InlineConfirm>
      ) : (
        <div className="button-row">
          <SubmitButton small pendingLabel="Saving…">
            Save
          </SubmitButton>
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}

function optionLabel(user: DialpadUserSummary): string {
  const contact = [user.emails[0], user.phoneNumbers[0] && formatPhoneNumber(user.phoneNumbers[0])].filter(Boolean).join(" · ");
  const mapped = user.mappedEmployeeName ? ` (now: ${user.mappedEmployeeName})` : "";
  return `${user.name}${contact ? ` — ${contact}` : ""}${mapped}`;
}
