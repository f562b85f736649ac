"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

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
        await signOut({ redirect: false });
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/login");
      }}
    >
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
