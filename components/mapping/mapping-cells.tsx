import Link from "next/link";
import { formatPhoneNumber } from "@/lib/format-phone";
import type { MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import styles from "./mapping.module.css";

const statusLabels = { mapped: "Mapped", unmapped: "Not mapped", conflict: "Conflict" } as const;
const basisLabels = { name: "same name", mailbox: "same mailbox name" } as const;

export function EmployeeCell({ row }: { row: MappingEmployeeRow }) {
  return (
    <>
      <Link href={`/employees/${row.employeeId}`}>{row.name}</Link>
      {row.isActive ? null : <span className="badge"> Inactive</span>}
      <span className={`${styles.sub} ${styles.contact}`}>{row.email}</span>
      {row.phone ? (
        <span className={`${styles.sub} ${styles.contact} ${row.hasMalformedPhone ? styles.warning : ""}`}>{formatPhoneNumber(row.phone)}</span>
      ) : null}
      {row.notes.length > 0 ? (
        <ul className={styles.notes}>
          {row.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function StatusCell({ row }: { row: MappingEmployeeRow }) {
  const tone = row.status === "conflict" ? styles.conflict : row.status === "mapped" ? styles.mapped : "";
  return <span className={`badge ${styles.status} ${tone}`}>{statusLabels[row.status]}</span>;
}

export function DialpadUserCell({ row }: { row: MappingEmployeeRow }) {
  if (row.dialpadUser) {
    const user = row.dialpadUser;
    return (
      <>
        {user.name}
        <ContactLine email={user.emails[0]} phone={user.phoneNumbers[0]} />
        {user.isMappable ? null : <span className={`${styles.sub} ${styles.warning}`}>{user.unmappableReason}</span>}
      </>
    );
  }
  if (row.status === "conflict") {
    const rivals = row.rivalNames.length > 0 ? ` Also matched by ${row.rivalNames.join(", ")}.` : "";
    return (
      <>
        <span>Matches {row.candidates.map((user) => user.name).join(" and ")}.</span>
        <span className={styles.sub}>{`Choose one by hand.${rivals}`}</span>
      </>
    );
  }
  if (row.suggestion) {
    return (
      <>
        <span>Suggested: {row.suggestion.user.name}</span>
        <span className={styles.sub}>{`${basisLabels[row.suggestion.basis]}, not confirmed by email or phone`}</span>
      </>
    );
  }
  return <span className="muted">{row.isManual ? "None (set by hand)" : "—"}</span>;
}

export function MethodCell({ row }: { row: MappingEmployeeRow }) {
  if (!row.method || (row.method === "manual" && !row.dialpadUser)) return <span className="muted">—</span>;
  if (row.method === "manual") {
    return (
      <>
        Manual
        {row.lastChange && row.lastChange.actorName !== "Automatic" ? <span className={styles.sub}>by {row.lastChange.actorName}</span> : null}
      </>
    );
  }
  return (
    <>
      {row.method === "email" ? "Email" : "Phone"}
      {row.matchedValue ? (
        <span className={`${styles.sub} ${styles.contact}`}>{row.method === "phone" ? formatPhoneNumber(row.matchedValue) : row.matchedValue}</span>
      ) : null}
    </>
  );
}

/** "ann@acme.test · +1 415 555 0142", each part kept whole. */
export function ContactLine({ email, phone }: { email?: string; phone?: string }) {
  if (!email && !phone) return null;
  return (
    <span className={styles.sub}>
      {email ? <span className={styles.contact}>{email}</span> : null}
      {email && phone ? " · " : null}
      {phone ? <span className={styles.contact}>{formatPhoneNumber(phone)}</span> : null}
    </span>
  );
}
