"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

/**
 * One click handler for a container whose links are all call links: a plain click is a
 * client navigation (so the intercepted route opens the modal), modified clicks open tabs as usual.
 * Hundreds of <a> elements render much faster on the server than as many <Link> components.
 */
export function useCallLinkClicks(): (event: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a[href]");
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    router.push(link.getAttribute("href")!, { scroll: false });
  };
}
