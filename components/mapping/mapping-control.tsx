"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action";
import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import { MappingChooser } from "./mapping-chooser";
import { describeRisk, type Risk } from "./mapping-risk";
import styles from "./mapping.module.css";

type Dispatch = (formData: FormData) => void;

type MappingControlProps = {
  row: MappingEmployeeRow;
  users: DialpadUserSummary[];
  formAction: Dispatch;
  state: ActionState<unknown>;
};

/**
 * One-click fixes for the row (accept, pick a candidate, clear) and a chooser for any Dialpad user. Taking a
 * user from someone else and clearing ask first; focus goes back to "Choose…" when the chooser closes.
 */
export function MappingControl({ row, users, formAction, state }: MappingControlProps) {
  // Open while no newer result has arrived, or after a failed one: a saved choice closes it.
  const [openedAt, setOpenedAt] = useState<ActionState<unknown> | undefined>(undefined);
  // A question stays up until it is answered (a newer result arrives) or cancelled.
  const [asked, setAsked] = useState<{ risk: Risk; at: ActionState<unknown> } | null>(null);
  const isOpen = openedAt !== undefined && (state === openedAt || state?.ok === false);
  const risk = asked && asked.at === state ? asked.risk : null;
  const setRisk = (next: Risk | null) => setAsked(next ? { risk: next, at: state } : null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const wasAway = useRef(false);
  const isAway = isOpen || risk !== null;
  useEffect(() => {
    if (wasAway.current && !isAway) chooseRef.current?.focus();
    wasAway.current = isAway;
  }, [isAway]);

  if (isOpen) {
    return <MappingChooser row={row} users={users} formAction={formAction} onCancel={() => setOpenedAt(undefined)} />;
  }
  if (risk) {
    return (
      <ChoiceForm formAction={formAction} row={row} choice={risk.choice}>
        <InlineConfirm message={risk.message} onCancel={() => setRisk(null)}>
          <SubmitButton small variant="danger" pendingLabel="Saving…">
            {risk.confirmLabel}
          </SubmitButton>
        </InlineConfirm>
      </ChoiceForm>
    );
  }

  const quick = (user: DialpadUserSummary, label: string) => {
    const choice = `user:${user.dialpadUserId}`;
    const asked = describeRisk(row, { kind: "take", user });
    return asked ? (
      <button key={user.dialpadUserId} type="button" className="button button--small" onClick={() => setRisk(asked)}>
        {label}
      </button>
    ) : (
      <QuickChoice key={user.dialpadUserId} formAction={formAction} row={row} choice={choice} label={label} />
    );
  };
  const clearRisk = describeRisk(row, { kind: "clear" });

  return (
    <div className={styles.controls}>
      {row.suggestion ? quick(row.suggestion.user, `Accept ${row.suggestion.user.name}`) : null}
      {row.candidates.slice(0, 3).map((user) => quick(user, `Map to ${user.name}`))}
      {row.dialpadUser && clearRisk ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setRisk(clearRisk)}>
          Clear
        </button>
      ) : null}
      {row.isManual ? <QuickChoice formAction={formAction} row={row} choice="auto" label="Use automatic" variant="secondary" /> : null}
      <button
        ref={chooseRef}
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

type ChoiceFormProps = { formAction: Dispatch; row: MappingEmployeeRow; choice: string; children: ReactNode };

function ChoiceForm({ formAction, row, choice, children }: ChoiceFormProps) {
  return (
    <form action={formAction}>
      <input type="hidden" name="employeeId" value={row.employeeId} />
      <input type="hidden" name="choice" value={choice} />
      {children}
    </form>
  );
}

type QuickChoiceProps = { formAction: Dispatch; row: MappingEmployeeRow; choice: string; label: string; variant?: "primary" | "secondary" };

function QuickChoice({ formAction, row, choice, label, variant = "primary" }: QuickChoiceProps) {
  return (
    <ChoiceForm formAction={formAction} row={row} choice={choice}>
      <SubmitButton small variant={variant} pendingLabel="Saving…">
        {label}
      </SubmitButton>
    </ChoiceForm>
  );
}
