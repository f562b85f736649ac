"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import type { UserSummary } from "@/lib/services/users/list-users";

type Result = { isActive: boolean };

type UserActiveToggleProps = {
  action: FormAction<Result>;
  user: UserSummary;
};

export function UserActiveToggle({ action, user }: UserActiveToggleProps) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} style={{ display: "inline" }}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="isActive" value={user.isActive ? "false" : "true"} />
      <SubmitButton variant={user.isActive ? "danger" : "secondary"} small pendingLabel="Saving…">
        <span>{user.isActive ? "Deactivate" : "Reactivate"}</span>
        <span className="visually-hidden"> {user.name}</span>
      </SubmitButton>
      {state && !state.ok ? (
        <span className="field__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
