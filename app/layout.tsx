import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Daymark", template: "%s · Daymark" },
  description: "Workforce analytics with Dialpad",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request: Next puts the request's CSP nonce on its inline scripts only then,
// and a page prerendered at build time (the 404 page) would carry scripts the CSP blocks.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
