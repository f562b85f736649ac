import Link from "next/link";
import type { ReactNode } from "react";

/** A whole-page message (not found, no access) with the way back to Daymark. */
export function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <span className="brand">Daymark</span>
        <h1>{title}</h1>
        {children}
        <p>
          <Link className="button" href="/">
            Go to Daymark
          </Link>
        </p>
      </div>
    </main>
  );
}
