import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

// Only for pages a role can't open (lib/session.ts); a record outside the viewer's organization stays a 404.
export default function Forbidden() {
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <span className="brand">Daymark</span>
        <h1>You don&apos;t have access to this page</h1>
        <p>Your role in your organization doesn&apos;t include it. Ask an admin of your organization if you need it.</p>
        <p>
          <Link className="button" href="/">
            Go to Daymark
          </Link>
        </p>
      </div>
    </main>
  );
}
