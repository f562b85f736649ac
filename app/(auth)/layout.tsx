import type { ReactNode } from "react";

export default function SignedOutLayout({ children }: { children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <span className="brand">Daymark</span>
        {children}
      </div>
    </main>
  );
}
