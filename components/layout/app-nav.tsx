"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `exact` links are current only on their own path (a section index such as /settings). */
export type NavLink = { href: string; label: string; exact?: boolean };

/** Marks the current section (a link and everything below it) with aria-current. */
type AppNavProps = { links: NavLink[]; label?: string; className?: string };

export function AppNav({ links, label = "Main", className = "nav-list" }: AppNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className={className}>
        {links.map((link) => {
          const isCurrent = pathname === link.href || (!link.exact && pathname.startsWith(`${link.href}/`));
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={isCurrent ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
