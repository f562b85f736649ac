import type { Metadata } from "next";
import { ImportForm } from "@/components/employees/import-form";
import { importColumns } from "@/lib/services/employees/check-import-rows";
import { maxImportRows } from "@/lib/services/employees/import-employees";
import { requireViewer } from "@/lib/session";
import { importEmployeesAction } from "../actions";

export const metadata: Metadata = { title: "Import employees" };

const header = importColumns.join(",");
const example = `${header}\r\nAnn Lee,ann@example.com,+1 415 555 0100,America/Los_Angeles,Sales lead,\r\nBo Diaz,bo@example.com,,,Account executive,ann@example.com\r\n`;

export default async function ImportEmployeesPage() {
  await requireViewer({ roles: ["admin"] });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Import employees</h1>
          <p>Add or update many employees at once from a CSV file.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">File format</h2>
        <p>
          The first row must be the header <code>{header}</code>. Only <code>name</code> and <code>email</code> are
          required; leave other cells empty when unknown.
        </p>
        <ul>
          <li>An email already in Daymark updates that employee (empty cells clear those fields); a new email adds one.</li>
          <li>
            <code>timezone</code> is an IANA name such as <code>Europe/Berlin</code>; empty means the organization&apos;s.
          </li>
          <li>
            <code>manager_email</code> must belong to someone in the file or already in Daymark.
          </li>
          <li>If any row has a problem, nothing is imported. At most {maxImportRows.toLocaleString("en-US")} rows.</li>
        </ul>
        <p>
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(example)}`} download="daymark-employees.csv">
            Download an example file
          </a>
        </p>
      </section>
      <section className="card" aria-label="Upload">
        <ImportForm action={importEmployeesAction} />
      </section>
    </>
  );
}
