import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { requireViewer } from "@/lib/session";

// Layouts don't guard actions or render before pages, so every settings page and action checks the role too.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireViewer({ roles: ["admin"] });
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <AppNav
        label="Settings"
        className="subnav"
        links={[
          { href: "/settings", label: "General", exact: true },
          { href: "/settings/users", label: "Users" },
          { href: "/settings/products", label: "Products" },
          { href: "/settings/scoring", label: "Scoring" },
          { href: "/settings/audit", label: "Audit" },
        ]}
      />
      {children}
    </>
  );
}
