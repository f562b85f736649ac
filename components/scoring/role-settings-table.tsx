import Link from "next/link";
import { formatDuration } from "@/lib/dates";
import type { RoleSettingsView } from "@/lib/services/scores/score-settings";
import styles from "./scoring.module.css";

const sourceLabels: Record<RoleSettingsView["source"], string> = {
  role: "Own settings",
  default_role: "Default role's settings",
  built_in: "Daymark's defaults",
};

export function RoleSettingsTable({ roles, selectedRole }: { roles: RoleSettingsView[]; selectedRole?: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Score settings by role</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col" className={styles.numeric}>Employees</th>
            <th scope="col" className={styles.numeric}>Talk time weight</th>
            <th scope="col" className={styles.numeric}>Connected calls weight</th>
            <th scope="col">Default targets</th>
            <th scope="col">Source</th>
            {/* A visible header: a visually hidden one sits outside the scrolling wrapper and widens phone pages. */}
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.role} aria-current={role.role === selectedRole ? "true" : undefined}>
              <th scope="row">{role.label}</th>
              <td className={styles.numeric}>{role.employeeCount}</td>
              <td className={styles.numeric}>{role.weights.talkTime}</td>
              <td className={styles.numeric}>{role.weights.connectedCalls}</td>
              <td>
                {formatDuration(role.targets.talkTime)} talk, {role.targets.connectedCalls} calls
              </td>
              <td>{sourceLabels[role.source]}</td>
              <td>
                <Link href={`/settings/scoring?role=${encodeURIComponent(role.role)}`} aria-label={`Edit ${role.label}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
