"use client";

import Link from "next/link";
import { useActionState, useState, type ChangeEvent, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action";
import { importFileTooLargeMessage, maxImportFileBytes, maxImportFileSize } from "@/lib/import-file-limit";
import type { ImportReport } from "@/lib/services/employees/import-employees";

type ImportFormProps = {
  action: FormAction<ImportReport>;
};

export function ImportForm({ action }: ImportFormProps) {
  const [state, formAction] = useActionState(action, null);
  // Checked here so a file the server would refuse is never uploaded; the action checks it again.
  const [sizeError, setSizeError] = useState<string | null>(null);
  const report = state?.ok && !sizeError ? state.data : null;
  const checkSize = (event: ChangeEvent<HTMLInputElement>) => setSizeError(tooLargeMessage(event.currentTarget.files?.[0]));
  const stopIfTooLarge = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const message = tooLargeMessage(file instanceof File ? file : undefined);
    setSizeError(message);
    if (message) event.preventDefault();
  };
  const serverErrors = state && !state.ok ? state.fieldErrors.file : undefined;
  return (
    <>
      <form action={formAction} onSubmit={stopIfTooLarge} className="form" noValidate>
        {sizeError ? null : <FormStatus state={state} />}
        <Field name="file" label="CSV file" hint={`A .csv file of at most ${maxImportFileSize}.`} errors={sizeError ? [sizeError] : serverErrors}>
          {(a11y) => <input {...a11y} type="file" name="file" accept=".csv,text/csv" required onChange={checkSize} />}
        </Field>
        <div className="button-row">
          <SubmitButton pendingLabel="Checking…">Import</SubmitButton>
        </div>
      </form>
      {report?.status === "imported" ? (
        <div className="alert alert--success" role="status">
          <p>
            Imported {report.created + report.updated} employees: {report.created} created, {report.updated} updated.
          </p>
          <p>
            <Link href="/employees">View employees</Link>
          </p>
        </div>
      ) : null}
      {report?.status === "rejected" ? <ProblemReport problems={report.problems} /> : null}
    </>
  );
}

function tooLargeMessage(file: File | undefined): string | null {
  return file && file.size > maxImportFileBytes ? importFileTooLargeMessage : null;
}

function ProblemReport({ problems }: { problems: { row: number; message: string }[] }) {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return (
    <section aria-labelledby="import-problems" className="form">
      <div className="alert alert--error" role="alert">
        <h2 id="import-problems">Nothing was imported</h2>
        <p>
          The file has {count}. Correct the file and upload it again; rows are numbered as in a spreadsheet, with
          the header as row 1.
        </p>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Problems found in the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.row}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
