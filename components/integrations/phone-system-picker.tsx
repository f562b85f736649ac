"use client";

import { useState } from "react";
import { AuthenticateDialpadButton } from "./authenticate-dialpad-button";

/** The seed's path: choose Dialpad from the phone-system drop-down, choose how far back to fetch, then authenticate. */
export function PhoneSystemPicker({ backfillDays }: { backfillDays: number }) {
  const [system, setSystem] = useState("");
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="phone-system">Phone system</label>
        <select id="phone-system" value={system} onChange={(event) => setSystem(event.target.value)}>
          <option value="">Choose a phone system…</option>
          <option value="dialpad">Dialpad</option>
        </select>
      </div>
      {system === "dialpad" ? <AuthenticateDialpadButton label="Authenticate with Dialpad" backfillDays={backfillDays} /> : null}
    </div>
  );
}
