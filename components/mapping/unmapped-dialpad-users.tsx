"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import { formatPhoneNumber } from "@/lib/format-phone";
import type { DialpadUserSummary } from "@/lib/services/mapping/mapping-rows";
import styles from "./mapping.module.css";

type UnmappedDialpadUsersProps = {
  users: DialpadUserSummary[];
  action: FormAction<{ message: string; employeeId?: number }>;
};

/** Mappable Dialpad users nobody is mapped to, each with a one-click "create employee". */
export function UnmappedDialpadUsers({ users, action }: UnmappedDialpadUsersProps) {
  const [state, formAction] = useActionState(action, null);
  return (
    <>
      {state?.ok ? (
        <div className="alert alert--success" role="status">
          {state.data.message}{" "}
          {state.data.employeeId ? <Link href={`/employees/${state.data.employeeId}`}>Open the employee</Link> : null}
        </div>
      ) : null}
      {state && !state.ok ? (
        <div className="alert alert--error" role="alert">
          {state.error}
        </div>
      ) : null}
      {users.length === 0 ? (
        <p className="muted">Every Dialpad user with a phone license is mapped to an employee.</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">Dialpad users mapped to nobody</caption>
            <thead>
              <tr>
                <th scope="col">Dialpad user</th>
                <th scope="col">Email and phone</th>
                <th scope="col">Notes</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.dialpadUserId}>
                  <td data-label="Dialpad user">
                    {user.name}
                    {user.jobTitle ? <span className={styles.sub}>{user.jobTitle}</span> : null}
                  </td>
                  <td data-label="Email and phone">
                    {user.emails.map((email) => (
                      <span key={email} className={`${styles.sub} ${styles.contact}`}>
                        {email}
                      </span>
                    ))}
                    {user.phoneNumbers.map((phone) => (
                      <span key={phone} className={`${styles.sub} ${styles.contact}`}>
                        {formatPhoneNumber(phone)}
                      </span>
                    ))}
                  </td>
                  <td data-label="Notes">
                    <UserNotes user={user} />
                  </td>
                  <td data-label="Action">
                    <form action={formAction}>
                      <input type="hidden" name="dialpadUserId" value={user.dialpadUserId} />
                      <SubmitButton small variant="secondary" pendingLabel="Creating…">
                        {user.emails.length > 0 ? "Create employee" : "Create employee (needs an email)"}
                      </SubmitButton>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function UserNotes({ user }: { user: DialpadUserSummary }) {
  const notes = [...user.problems];
  if (user.unmappableReason) notes.unshift(`${user.unmappableReason}.`);
  if (user.conflictEmployeeNames.length > 0) notes.push(`Matches ${user.conflictEmployeeNames.join(" and ")}: choose one in the table above.`);
  if (notes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className={styles.notes}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
