"use client";

import Link from "next/link";

// Server errors reach the browser without their message in production; the digest matches the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <main className="auth-page">
      <div className="auth-card card" role="alert">
        <span className="brand">Daymark</span>
        <h1>Something went wrong</h1>
        <p>Daymark couldn&apos;t show this page. Try again; if it keeps happening, tell your administrator.</p>
        {digest ? <p className="muted">Reference: {digest}</p> : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
          <Link className="button button--secondary" href="/">
            Go to Daymark
          </Link>
        </div>
      </div>
    </main>
  );
}
