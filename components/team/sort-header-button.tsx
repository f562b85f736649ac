"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/** A column header that asks the server for another order (the URL keeps it); a button, so the table's links stay its people. */
export function SortHeaderButton({ href, children }: { href: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <button type="button" className="sort-button" onClick={() => router.push(href)}>
      {children}
    </button>
  );
}
