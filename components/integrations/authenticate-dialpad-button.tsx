"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isDialpadResultMessage } from "./dialpad-popup";

const authorizePath = "/api/integrations/dialpad/authorize";

/** Opens Dialpad's sign-in in a popup (same window where popups are blocked) and waits for the result. */
export function AuthenticateDialpadButton({ label }: { label: string }) {
  const router = useRouter();
  const [isWaiting, setIsWaiting] = useState(false);
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
    const popup = window.open(`${authorizePath}?popup=1`, "dialpad-auth", "popup,width=520,height=720");
    if (!popup) {
      // A full-page navigation on purpose: the route handler redirects to Dialpad's own sign-in page.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(authorizePath);
      return;
    }
    popupRef.current = popup;
    setIsWaiting(true);
  }

  return (
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
  );
}
