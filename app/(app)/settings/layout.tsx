import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { FirstRunChecklist } from "@/components/layout/first-run-checklist";
import { FailedScoreWorkList } from "@/components/scoring/failed-score-work";
import { RecalculationBanner } from "@/components/scoring/recalculation-banner";
import { getDb } from "@/db/client";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { getFirstRunChecklist } from "@/lib/services/onboarding/get-first-run-checklist";
import { listFailedScoreWork, listRecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { requireViewer } from "@/lib/session";
import { retryFailedScoreWorkAction } from "./recalculation-actions";

// Layouts don't guard actions or render before pages, so every settings page and action checks the role too.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const db = getDb();
  const [progress, failures, organization, checklist] = await Promise.all([
    listRecalculationProgress(db, viewer),
    listFailedScoreWork(db, viewer),
    getViewerOrganization(db, viewer),
    getFirstRunChecklist(db, viewer),
  ]);
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
          { href: "/settings/privacy", label: "Privacy" },
          { href: "/settings/audit", label: "Audit" },
        ]}
      />
      <FirstRunChecklist steps={checklist} />
      <RecalculationBanner progress={progress} />
      <FailedScoreWorkList failures={failures} timeZone={organization.timezone} retryAction={retryFailedScoreWorkAction} />
      {children}
    </>
  );
}
