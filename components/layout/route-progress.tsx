"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * A thin bar at the top from the click on an in-app link until the new page is shown. It stands in for a
 * loading.tsx over every signed-in page: a loading boundary streams a 200 before the page can call notFound(),
 * so a missing or foreign id would no longer answer 404 (vercel/next.js#45801).
 */
export function RouteProgress() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = `${pathname}?${searchParams.toString()}`;
  // The URL a click left from: once another URL shows, the navigation is over.
  const [leftFrom, setLeftFrom] = useState<string | null>(null);
  const isLoading = leftFrom === current;

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      const isSamePage = url.pathname === window.location.pathname && url.search === window.location.search;
      // API routes (an export without `download`) answer a file, not a page: no navigation to wait for.
      if (url.origin === window.location.origin && !isSamePage && !url.pathname.startsWith("/api/")) setLeftFrom(current);
    };
    // Capture: next/link calls preventDefault() on the clicks it turns into client-side navigations.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [current]);

  if (!isLoading) return null;
  return (
    <div className="route-loading" role="status" data-testid="route-loading">
      <div className="route-loading__bar" aria-hidden="true" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}
