import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Also shown for records outside the viewer's organization or scope, so their existence is not revealed.
export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <span className="brand">Daymark</span>
        <h1>Page not found</h1>
        <p>This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
        <p>
          <Link className="button" href="/">
            Go to Daymark
          </Link>
        </p>
      </div>
    </main>
  );
}
