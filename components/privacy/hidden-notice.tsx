import Link from "next/link";

/** Shown to admins on a hidden person's pages (managers get a 404 there). */
export function HiddenNotice({ employee }: { employee: { id: number; name: string; hiddenAt: number | null } }) {
  if (employee.hiddenAt === null) return null;
  return (
    <div className="alert alert--info" role="status" data-testid="hidden-notice">
      <p>
        {employee.name} is hidden: only admins (and {employee.name}) see this page; their scores are left out of team figures, exports and role
        baselines. <Link href={`/employees/${employee.id}/edit`}>Show them again</Link>
      </p>
    </div>
  );
}
