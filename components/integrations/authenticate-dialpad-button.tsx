"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isDialpadResultMessage } from "./dialpad-popup";

const authorizePath = "/api/integrations/dialpad/authorize";

/**
 * Opens Dialpad's sign-in in a popup (same window where popups are blocked) and waits for the result.
 * With `backfillDays`, it first asks how many days of calls the first backfill should fetch.
 */
export function AuthenticateDialpadButton({ label, backfillDays }: { label: string; backfillDays?: number }) {
  const router = useRouter();
  const [isWaiting, setIsWaiting] = useState(false);
  const [days, setDays] = useState(backfillDays === undefined ? "" : String(backfillDays));
  const popupRef = useRef<Window | null>(null);
  const resultRef = useRef(false);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== window.location.origin || !isDialpadResultMessage(event.data)) return;
      resultRef.current = true;
      setIsWaiting(false);
      router.replace(`/settings/products?${event.data.query}`);
      router.refresh();
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [router]);

  useEffect(() => {
    if (!isWaiting) return;
    const timer = window.setInterval(() => {
      if (!popupRef.current?.closed) return;
      window.clearInterval(timer);
      setIsWaiting(false);
      // Give a result message posted just before closing a moment to arrive.
      window.setTimeout(() => {
        if (!resultRef.current) router.replace("/settings/products?dialpad=failed&reason=closed");
      }, 300);
    }, 400);
    return () => window.clearInterval(timer);
  }, [isWaiting, router]);

  function authenticate() {
    resultRef.current = false;
    const choice = backfillDays !== undefined && days.trim() !== "" ? `backfillDays=${encodeURIComponent(days.trim())}` : "";
    const popup = window.open(`${authorizePath}?popup=1${choice ? `&${choice}` : ""}`, "dialpad-auth", "popup,width=520,height=720");
    if (!popup) {
      // A full-page navigation on purpose: the route handler redirects to Dialpad's own sign-in page.
      window.location.assign(choice ? `${authorizePath}?${choice}` : authorizePath);
      return;
    }
    popupRef.current = popup;
    setIsWaiting(true);
  }

  return (
    <div className="stack">
      {backfillDays !== undefined ? (
        <div className="field">
          <label htmlFor="connect-backfill-days">Fetch calls from the last (days)</label>
          <input
            id="connect-backfill-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            aria-describedby="connect-backfill-days-hint"
          />
          <p id="connect-backfill-days-hint" className="muted">
            The first sync reads this many days of call history (1–365). You can raise it later; the older days are then fetched on their own.
          </p>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={authenticate} disabled={isWaiting}>
          {label}
        </button>
        {isWaiting ? (
          <span className="muted" role="status">
            Waiting for Dialpad… finish signing in in the Dialpad window.
          </span>
        ) : null}
      </div>
    </div>
  );
}
