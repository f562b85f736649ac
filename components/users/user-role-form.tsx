"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { UserRole } from "@/db/schema";
import type { FormAction } from "@/lib/action";
import type { UserSummary } from "@/lib/services/users/list-users";
import { roleOptions } from "./create-user-form";

type UserRoleFormProps = {
  action: FormAction<{ role: UserRole }>;
  user: UserSummary;
};

export function UserRoleForm({ action, user }: UserRoleFormProps) {
  const [state, formAction] = useActionState(action, null);
  const selectId = `role-${user.id}`;
  return (
    <form action={formAction} className="button-row">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={selectId} className="visually-hidden">
        Role for {user.name}
      </label>
      <select id={selectId} name="role" defaultValue={user.role} key={user.role}>
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" small pendingLabel="Saving…">
        Save role
      </SubmitButton>
      {state && !state.ok ? (
        <span className="field__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
