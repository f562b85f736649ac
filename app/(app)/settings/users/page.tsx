import type { Metadata } from "next";
import Link from "next/link";
import { ContactValue } from "@/components/ui/contact-value";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRoleForm } from "@/components/users/user-role-form";
import { UserAccountControls } from "@/components/users/user-account-controls";
import { UserActiveToggle } from "@/components/users/user-active-toggle";
import { getDb } from "@/db/client";
import { listOrganizationUsers } from "@/lib/services/users/list-users";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { requireViewer } from "@/lib/session";
import {
  changeRoleAction,
  createUserAction,
  issuePasswordResetAction,
  setUserActiveAction,
  signOutUserEverywhereAction,
} from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersSettingsPage() {
  const viewer = await requireViewer({ roles: ["admin"] });
  const db = getDb();
  const [users, organization] = await Promise.all([listOrganizationUsers(db, viewer), getViewerOrganization(db, viewer)]);
  return (
    <>
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <p className="muted">
          Admins manage everything; managers see their direct reports; employees see their own data. A user is linked
          to the employee with the same email. Changing a role or deactivating signs the user out. A password reset
          link works once, for an hour; setting a new password with it signs the user out everywhere.
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isSelf = user.id === viewer.userId;
                return (
                  <tr key={user.id}>
                    <td>
                      {user.name}
                      {isSelf ? <span className="muted"> (you)</span> : null}
                    </td>
                    <td>
                      <ContactValue value={user.email} />
                    </td>
                    <td>{isSelf ? user.role : <UserRoleForm action={changeRoleAction} user={user} />}</td>
                    <td>
                      <span className={user.isActive ? "badge badge--active" : "badge"}>
                        {user.isActive ? "Active" : "Deactivated"}
                      </span>{" "}
                      {isSelf ? null : <UserActiveToggle action={setUserActiveAction} user={user} />}
                    </td>
                    <td>
                      {isSelf ? (
                        <Link href="/account">Your account</Link>
                      ) : (
                        <UserAccountControls signOutAction={signOutUserEverywhereAction} resetAction={issuePasswordResetAction} user={user} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add a user</h2>
        <p className="muted">
          Set a first password and give it to the person yourself. Their email must be at {organization.domain}.
        </p>
        <CreateUserForm action={createUserAction} domain={organization.domain} />
      </section>
    </>
  );
}
