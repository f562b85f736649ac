import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { RouteProgress } from "@/components/layout/route-progress";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getHomePath, listMainNavLinks } from "@/lib/services/access/main-nav-links";
import { requireViewer } from "@/lib/session";
import { loadViewerOrganization } from "./load-viewer-organization";

// `modal` is the @modal slot: a call opened from a day page shows over it (intercepting route).
export default async function SignedInLayout({ children, modal }: { children: ReactNode; modal: ReactNode }) {
  const viewer = await requireViewer();
  const organization = await loadViewerOrganization(viewer);
  const links = listMainNavLinks(viewer);
  return (
    <>
      <Suspense fallback={null}>
        <RouteProgress />
      </Suspense>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="brand" href={getHomePath(viewer)}>
            Daymark
          </Link>
          <AppNav links={links} />
          <div className="account">
            <span className="account__who">
              <Link href="/account" data-testid="viewer-name">
                {viewer.name}
              </Link>
              <span className="account__org">
                {organization.name} · {viewer.role}
              </span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
      {modal}
    </>
  );
}
