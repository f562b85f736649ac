"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import type { UserSummary } from "@/lib/services/users/list-users";

type UserAccountControlsProps = {
  signOutAction: FormAction<{ sessionsEnded: number; at: number }>;
  resetAction: FormAction<{ url: string; expiresAt: number }>;
  user: UserSummary;
};

/** An admin's "sign out everywhere" and "reset link" for another user, on Settings → Users. */
export function UserAccountControls({ signOutAction, resetAction, user }: UserAccountControlsProps) {
  const [signOutState, signOutFormAction] = useActionState(signOutAction, null);
  const [resetState, resetFormAction] = useActionState(resetAction, null);
  return (
    <div className="button-row">
      <form action={signOutFormAction} style={{ display: "inline" }}>
        <input type="hidden" name="userId" value={user.id} />
        <SubmitButton variant="secondary" small pendingLabel="Signing out…">
          <span>Sign out everywhere</span>
          <span className="visually-hidden"> {user.name}</span>
        </SubmitButton>
        {signOutState ? (
          <span className={signOutState.ok ? "muted" : "field__error"} role={signOutState.ok ? "status" : "alert"}>
            {signOutState.ok ? ` Ended ${signOutState.data.sessionsEnded} session${signOutState.data.sessionsEnded === 1 ? "" : "s"}.` : signOutState.error}
          </span>
        ) : null}
      </form>
      <form action={resetFormAction} style={{ display: "inline" }}>
        <input type="hidden" name="userId" value={user.id} />
        <SubmitButton variant="secondary" small pendingLabel="Creating…">
          <span>Password reset link</span>
          <span className="visually-hidden"> for {user.name}</span>
        </SubmitButton>
        {resetState && !resetState.ok ? (
          <span className="field__error" role="alert">
            {resetState.error}
          </span>
        ) : null}
      </form>
      {resetState?.ok ? (
        <div role="status">
          <label htmlFor={`reset-link-${user.id}`}>
            One-time link for {user.name}, valid for one hour. Give it to them yourself:
          </label>
          <input
            id={`reset-link-${user.id}`}
            className="input"
            readOnly
            value={resetState.data.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--small button--secondary" onClick={() => void navigator.clipboard?.writeText(resetState.data.url)}>
            Copy link
          </button>
        </div>
      ) : null}
    </div>
  );
}
