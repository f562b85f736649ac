import type { ReactNode } from "react";

type FormStatusProps = { state: { ok: boolean; error?: string } | null; success?: ReactNode };

/** The form-level message: the error after a failed submit, or `success` after a good one. */
export function FormStatus({ state, success }: FormStatusProps) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <div className="alert alert--error" role="alert">
        {state.error}
      </div>
    );
  }
  return success ? (
    <div className="alert alert--success" role="status">
      {success}
    </div>
  ) : null;
}
