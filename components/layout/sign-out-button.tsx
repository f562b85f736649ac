"use client";

import { useState } from "react";

/**
 * next-auth's sign-out as two plain requests (what next-auth/react's signOut sends), so signed-in pages
 * do not load next-auth's client bundle for one button.
 */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
}

export function SignOutButton() {
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={isPending}
      onClick={async () => {
        setIsPending(true);
        // next-auth's own redirect uses NEXTAUTH_URL, which may name another host than the one in use;
        // a full load also drops signed-in pages from the client router cache.
        await signOut();
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/login");
      }}
    >
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
