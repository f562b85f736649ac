"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const RECALCULATION_REFRESH_MS = 5_000;

/** While a recalculation runs, re-renders the page from the server every 5 s so its progress moves and the note goes when done. */
export function RefreshWhileRecalculating() {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, RECALCULATION_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [router]);
  return null;
}
