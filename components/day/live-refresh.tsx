"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const LIVE_REFRESH_MS = 15_000;

/**
 * While today's page is open and visible, re-renders it from the server every 15 s (and when the
 * tab comes back), so calls synced by the poller or webhooks appear without a manual refresh.
 * router.refresh() keeps client state: scroll, an open call, the table's sort and filter.
 */
export function LiveRefresh({ isEnabled }: { isEnabled: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isEnabled) return;
    const refreshIfVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = window.setInterval(refreshIfVisible, LIVE_REFRESH_MS);
    document.addEventListener("visibilitychange", refreshIfVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshIfVisible);
    };
  }, [isEnabled, router]);
  return null;
}
