"use client";

import { useActionState, useRef } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action";

type DisconnectAction = (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;

/** Confirm before disconnecting, and let the admin keep or delete the synced call data. */
export function DisconnectDialpadDialog({ action }: { action: DisconnectAction }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(action, null);
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => dialogRef.current?.showModal()}>
        Disconnect Dialpad
      </button>
      <dialog ref={dialogRef} aria-labelledby="disconnect-title" className="dialog">
        <form action={formAction} className="form">
          <h2 id="disconnect-title">Disconnect Dialpad?</h2>
          <p>Daymark revokes its access at Dialpad and deletes the stored tokens. Syncing stops.</p>
          <fieldset>
            <legend>Calls already synced</legend>
            <label className="checkbox-row">
              <input type="radio" name="callData" value="keep" defaultChecked /> Keep them (scores and history stay)
            </label>
            <label className="checkbox-row">
              <input type="radio" name="callData" value="delete" /> Delete them
            </label>
          </fieldset>
          <FormStatus state={state} />
          <div className="button-row">
            <SubmitButton variant="danger" pendingLabel="Disconnecting…">
              Disconnect
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
